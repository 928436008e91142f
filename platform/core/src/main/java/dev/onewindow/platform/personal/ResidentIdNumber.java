package dev.onewindow.platform.personal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A valid 18-character resident ID number (居民身份证号码, GB 11643-1999): a 6-digit region code, the birth date
 * {@code yyyyMMdd}, a 3-digit sequence and a check character computed with ISO 7064 MOD 11-2.
 *
 * <p>Input is trimmed and a lowercase {@code x} check character is accepted and normalised to {@code X}, so
 * {@link #value()} is the canonical form to encrypt and hash. {@link #toString()} is {@link #masked()}: the raw value
 * only leaves this object through {@link #value()}.
 */
public final class ResidentIdNumber {

    private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    /** Check character for each value of (weighted sum mod 11). */
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final DateTimeFormatter BIRTH_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final int EARLIEST_BIRTH_YEAR = 1900;
    /** "Not born in the future" is judged by the date in China, not by the server's default zone. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final String value;

    private ResidentIdNumber(String value) {
        this.value = value;
    }

    /**
     * Parses and validates {@code candidate}.
     *
     * @throws InvalidPersonalDataException with code {@link InvalidPersonalDataException#INVALID_ID_NUMBER}
     */
    public static ResidentIdNumber of(String candidate) {
        String normalised = normalise(candidate);
        String problem = problem(normalised);
        if (problem != null) {
            throw new InvalidPersonalDataException(InvalidPersonalDataException.INVALID_ID_NUMBER,
                    "invalid resident ID number: " + problem);
        }
        return new ResidentIdNumber(normalised);
    }

    /** Whether {@code candidate} is a valid resident ID number (after trimming; lowercase {@code x} accepted). */
    public static boolean isValid(String candidate) {
        return problem(normalise(candidate)) == null;
    }

    /**
     * The check character for the first 17 digits of a number, e.g. for building test fixtures.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 digits
     */
    public static char checkCharacter(CharSequence first17) {
        if (first17.length() != WEIGHTS.length || !first17.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("expected 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The canonical value (uppercase {@code X}). Handle with care: encrypt it, hash it, never log or return it. */
    public String value() {
        return value;
    }

    /** The form that may be shown: {@code 110105********1234}. */
    public String masked() {
        return Masking.idNumber(value);
    }

    /** The 6-digit administrative division code of the place of first registration. */
    public String regionCode() {
        return value.substring(0, 6);
    }

    /** The date of birth encoded in the number. */
    public LocalDate birthDate() {
        return LocalDate.parse(value.substring(6, 14), BIRTH_DATE);
    }

    /** Why {@code value} is invalid, or {@code null} if it is valid. */
    private static String problem(String value) {
        if (value == null) {
            return "missing";
        }
        if (!SHAPE.matcher(value).matches()) {
            return "expected 17 digits and a check character (0-9 or X)";
        }
        if (value.startsWith("000000")) {
            return "region code 000000 does not exist";
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.parse(value.substring(6, 14), BIRTH_DATE);
        } catch (DateTimeException e) {
            return "birth date is not a calendar date";
        }
        if (birthDate.getYear() < EARLIEST_BIRTH_YEAR) {
            return "birth date is before " + EARLIEST_BIRTH_YEAR;
        }
        if (birthDate.isAfter(LocalDate.now(ZONE))) {
            return "birth date is in the future";
        }
        if (checkCharacter(value.subSequence(0, 17)) != value.charAt(17)) {
            return "check character does not match";
        }
        return null;
    }

    /** Trims and upper-cases a lowercase {@code x}; shared with {@link LookupHasher} so both agree on one form. */
    static String normalise(String candidate) {
        return candidate == null ? null : candidate.strip().toUpperCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResidentIdNumber id && value.equals(id.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked: a resident ID number in a log line or an exception message must not be readable. */
    @Override
    public String toString() {
        return masked();
    }
}
