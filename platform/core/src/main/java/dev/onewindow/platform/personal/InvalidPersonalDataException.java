package dev.onewindow.platform.personal;

import java.util.Objects;

/**
 * Thrown when a resident ID number, unified social credit code or mobile number fails validation. Carries a stable
 * {@link #code()} for the problem body (400). The message says what is wrong but never contains the value itself,
 * so it is safe to log and to return.
 */
public class InvalidPersonalDataException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Problem code for an invalid resident ID number (居民身份证号码). */
    public static final String INVALID_ID_NUMBER = "INVALID_ID_NUMBER";
    /** Problem code for an invalid unified social credit code (统一社会信用代码). */
    public static final String INVALID_USCC = "INVALID_USCC";
    /** Problem code for an invalid mobile number. */
    public static final String INVALID_MOBILE = "INVALID_MOBILE";

    private final String code;

    public InvalidPersonalDataException(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable UPPER_SNAKE problem code, e.g. {@link #INVALID_ID_NUMBER}. */
    public String code() {
        return code;
    }
}
