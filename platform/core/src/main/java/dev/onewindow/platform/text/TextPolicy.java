package dev.onewindow.platform.text;

import java.util.List;

import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.domain.FieldViolation;
import dev.onewindow.platform.domain.InvalidInputException;

/**
 * The one policy for every string a client sends — body fields, path and query parameters, the headers a service
 * reads, file names and the values of free-form maps: valid Unicode (no lone surrogates, no noncharacters), no
 * control characters (tab, line feed and carriage return only in multi-line text), no bidirectional controls (they
 * make {@code abc\u202Efdp.exe} display as "abcexe.pdf"), and a bounded length. Bean Validation states each field's
 * own limit; this policy is what every string obeys whatever its field.
 */
public final class TextPolicy {

    /** Longest string any field accepts when it states no smaller limit of its own. */
    public static final int MAX_LENGTH = 20_000;

    /** Whether line breaks and tabs belong in the text. */
    public enum Lines { SINGLE, MULTI }

    /** Why a string is refused; the name is the code in a problem's {@code errors[]}. */
    public enum Violation {
        CONTROL_CHARACTER("contains a control character"),
        BIDI_CONTROL("contains a bidirectional control character"),
        INVALID_UNICODE("is not valid Unicode text"),
        TOO_LONG("is too long");

        private final String message;

        Violation(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private TextPolicy() {
    }

    /** The first violation of {@code value}, or {@code null} when it is acceptable; {@code null} values are. */
    public static Violation check(String value, Lines lines, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            return Violation.TOO_LONG;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return Violation.INVALID_UNICODE;
                }
                int codePoint = Character.toCodePoint(c, value.charAt(++i));
                if ((codePoint & 0xFFFE) == 0xFFFE) {
                    return Violation.INVALID_UNICODE;
                }
                continue;
            }
            if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF')) {
                return Violation.INVALID_UNICODE;
            }
            if (isBidiControl(c)) {
                return Violation.BIDI_CONTROL;
            }
            if (Character.getType(c) == Character.CONTROL
                    && !(lines == Lines.MULTI && (c == '\t' || c == '\n' || c == '\r'))) {
                return Violation.CONTROL_CHARACTER;
            }
        }
        return null;
    }

    /** {@link #check} with the policy's own maximum length. */
    public static Violation check(String value, Lines lines) {
        return check(value, lines, MAX_LENGTH);
    }

    /** Refuses {@code value} as the field {@code field} (a JSON path or parameter name) when it breaks the policy. */
    public static void require(String value, String field, Lines lines, int maxLength) {
        Violation violation = check(value, lines, maxLength);
        if (violation != null) {
            throw refusal(field, violation);
        }
    }

    /** The 400 {@code INVALID_TEXT} for one field, listed in {@code errors[]} like every validation problem. */
    public static InvalidInputException refusal(String field, Violation violation) {
        return DomainException.invalid("INVALID_TEXT", "the field '" + field + "' " + violation.message())
                .with("errors", List.of(new FieldViolation(field, violation.name(), violation.message())));
    }

    /**
     * The bidirectional formatting characters of Unicode (embeddings, overrides, isolates, the Arabic letter mark):
     * the characters of "Trojan Source" (CVE-2021-42574). Left-to-right and right-to-left marks stay allowed.
     */
    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u061C';
    }
}
