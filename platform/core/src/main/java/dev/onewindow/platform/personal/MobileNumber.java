package dev.onewindow.platform.personal;

import java.util.regex.Pattern;

/**
 * A mainland China mobile number: 11 digits, starting with 1 and a second digit 3–9. Input is trimmed; a country
 * code or separators are not accepted (normalise those at the edge if a channel sends them).
 * {@link #toString()} is {@link #masked()}.
 */
public final class MobileNumber {

    private static final Pattern SHAPE = Pattern.compile("1[3-9]\\d{9}");

    private final String value;

    private MobileNumber(String value) {
        this.value = value;
    }

    /**
     * Parses and validates {@code candidate}.
     *
     * @throws InvalidPersonalDataException with code {@link InvalidPersonalDataException#INVALID_MOBILE}
     */
    public static MobileNumber of(String candidate) {
        String normalised = normalise(candidate);
        if (!matches(normalised)) {
            throw new InvalidPersonalDataException(InvalidPersonalDataException.INVALID_MOBILE,
                    "invalid mobile number: expected 11 digits starting with 13-19");
        }
        return new MobileNumber(normalised);
    }

    /** Whether {@code candidate} is a valid mobile number (after trimming). */
    public static boolean isValid(String candidate) {
        return matches(normalise(candidate));
    }

    /** The 11 digits. Handle with care: never log or return them unmasked. */
    public String value() {
        return value;
    }

    /** {@code 138****5678}. */
    public String masked() {
        return Masking.mobile(value);
    }

    private static boolean matches(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    private static String normalise(String candidate) {
        return candidate == null ? null : candidate.strip();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MobileNumber mobile && value.equals(mobile.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked, so that logging the object never leaks the number. */
    @Override
    public String toString() {
        return masked();
    }
}
