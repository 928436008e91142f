package dev.onewindow.platform.personal;

import dev.onewindow.platform.domain.InvalidInputException;

/**
 * Thrown when a resident ID number, unified social credit code or mobile number fails validation. Carries a stable
 * {@link #code()} for the problem body (400). The message says what is wrong but never contains the value itself,
 * so it is safe to log and to return.
 */
public class InvalidPersonalDataException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    /** Problem code for an invalid resident ID number (居民身份证号码). */
    public static final String INVALID_ID_NUMBER = "INVALID_ID_NUMBER";
    /** Problem code for an invalid unified social credit code (统一社会信用代码). */
    public static final String INVALID_USCC = "INVALID_USCC";
    /** Problem code for an invalid mobile number. */
    public static final String INVALID_MOBILE = "INVALID_MOBILE";

    public InvalidPersonalDataException(String code, String message) {
        super(code, message);
    }
}
