package dev.onewindow.platform.personal;

import java.util.regex.Pattern;

/**
 * Masking (脱敏) of personal data for responses, log lines and events.
 *
 * <p>These helpers never throw: they are called on whatever a log statement or a legacy record holds, and a
 * masking failure must not turn into a failed request. A value of the expected shape keeps the customary visible
 * parts; anything else is masked completely. {@code null} stays {@code null}.
 */
public final class Masking {

    private static final char MASK = '*';
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]");
    /** First-generation 15-digit numbers still appear in old records. */
    private static final Pattern LEGACY_ID_NUMBER = Pattern.compile("\\d{15}");
    private static final Pattern MOBILE = Pattern.compile("\\d{11}");

    /** An ID number or a mobile number standing inside free text (not part of a longer run of digits). */
    private static final Pattern ID_NUMBER_IN_TEXT = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");
    private static final Pattern MOBILE_IN_TEXT = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

    private Masking() {
    }

    /**
     * Free text a person typed (a caller's words, a handler's reason) with every ID number and mainland mobile
     * number in it masked as {@link #idNumber} and {@link #mobile} mask them; the rest unchanged. For texts that go
     * where the person they name is not known to the reader: events, other departments.
     */
    public static String inText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = ID_NUMBER_IN_TEXT.matcher(text).replaceAll(m -> keepEnds(m.group(), 6, 4));
        return MOBILE_IN_TEXT.matcher(masked).replaceAll(m -> keepEnds(m.group(), 3, 4));
    }

    /** {@code 11010519491231002X} → {@code 110105********002X}: region and last four stay visible. */
    public static String idNumber(String value) {
        if (value == null) {
            return null;
        }
        if (ID_NUMBER.matcher(value).matches() || LEGACY_ID_NUMBER.matcher(value).matches()) {
            return keepEnds(value, 6, 4);
        }
        return maskAll(value);
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public static String mobile(String value) {
        if (value == null) {
            return null;
        }
        return MOBILE.matcher(value).matches() ? keepEnds(value, 3, 4) : maskAll(value);
    }

    /** {@code 张三} → {@code 张*}, {@code 欧阳娜娜} → {@code 欧***}: only the first character stays visible. */
    public static String name(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int first = value.codePointAt(0);
        int rest = value.codePointCount(0, value.length()) - 1;
        if (rest == 0) {
            return String.valueOf(MASK);
        }
        return new StringBuilder().appendCodePoint(first).append(stars(rest)).toString();
    }

    /** Keeps {@code head} leading and {@code tail} trailing characters of an ASCII value of known shape. */
    private static String keepEnds(String value, int head, int tail) {
        return value.substring(0, head) + stars(value.length() - head - tail) + value.substring(value.length() - tail);
    }

    private static String maskAll(String value) {
        return stars(value.codePointCount(0, value.length()));
    }

    private static String stars(int count) {
        return String.valueOf(MASK).repeat(count);
    }
}
