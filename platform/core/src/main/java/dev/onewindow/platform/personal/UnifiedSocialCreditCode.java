package dev.onewindow.platform.personal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A valid unified social credit code (统一社会信用代码, GB 32100-2015) identifying a legal person or other
 * organisation: registration authority (1), organisation type (1), region code (6 digits), organisation code (9) and
 * a check character, all from the 31-character set without I, O, Z, S and V.
 *
 * <p>Input is trimmed and upper-cased. The code is public information (it is printed on business licences), so
 * {@link #toString()} returns it in full; {@link #masked()} exists for screens that list many applicants.
 * The check character of the embedded organisation code (GB 11714) is not verified, only the GB 32100 one.
 */
public final class UnifiedSocialCreditCode {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int MODULUS = 31;
    private static final Pattern SHAPE = Pattern.compile("[" + CHARSET + "]{2}\\d{6}[" + CHARSET + "]{10}");

    private final String value;

    private UnifiedSocialCreditCode(String value) {
        this.value = value;
    }

    /**
     * Parses and validates {@code candidate}.
     *
     * @throws InvalidPersonalDataException with code {@link InvalidPersonalDataException#INVALID_USCC}
     */
    public static UnifiedSocialCreditCode of(String candidate) {
        String normalised = normalise(candidate);
        String problem = problem(normalised);
        if (problem != null) {
            throw new InvalidPersonalDataException(InvalidPersonalDataException.INVALID_USCC,
                    "invalid unified social credit code: " + problem);
        }
        return new UnifiedSocialCreditCode(normalised);
    }

    /** Whether {@code candidate} is a valid code (after trimming and upper-casing). */
    public static boolean isValid(String candidate) {
        return problem(normalise(candidate)) == null;
    }

    /**
     * The check character for the first 17 characters of a code, e.g. for building test fixtures.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 characters of the code's character set
     */
    public static char checkCharacter(CharSequence first17) {
        if (first17.length() != WEIGHTS.length) {
            throw new IllegalArgumentException("expected 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            int digit = CHARSET.indexOf(first17.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " is not allowed in the code");
            }
            sum += digit * WEIGHTS[i];
        }
        int check = MODULUS - sum % MODULUS;
        return CHARSET.charAt(check == MODULUS ? 0 : check);
    }

    /** The canonical (upper-case) code. */
    public String value() {
        return value;
    }

    /** {@code 9135**********0Y43}: the first and last four characters visible. */
    public String masked() {
        return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
    }

    /** The 6-digit administrative division code of the registration authority. */
    public String regionCode() {
        return value.substring(2, 8);
    }

    private static String problem(String value) {
        if (value == null) {
            return "missing";
        }
        if (!SHAPE.matcher(value).matches()) {
            return "expected 18 characters from " + CHARSET + " with a 6-digit region code at positions 3-8";
        }
        if (checkCharacter(value.subSequence(0, 17)) != value.charAt(17)) {
            return "check character does not match";
        }
        return null;
    }

    private static String normalise(String candidate) {
        return candidate == null ? null : candidate.strip().toUpperCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnifiedSocialCreditCode code && value.equals(code.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
