package dev.onewindow.dataexchange.resources;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.personal.Masking;
import dev.onewindow.platform.personal.MobileNumber;
import dev.onewindow.platform.personal.ResidentIdNumber;
import dev.onewindow.platform.personal.UnifiedSocialCreditCode;

/** A field's type, which also says how a personal value of it is masked when the grant does not name it. */
public enum FieldType {
    STRING, NUMBER, DATE, BOOLEAN, ID_NUMBER, MOBILE, NAME, USCC, ADDRESS;

    /** A pushed value of this type, or a 400 naming the field; null stays null. */
    public Object check(String field, Object value) {
        if (value == null) {
            return null;
        }
        boolean ok = switch (this) {
            case NUMBER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            default -> value instanceof String text && !text.isBlank() && text.length() <= 200;
        };
        if (ok && this == DATE) {
            try {
                LocalDate.parse((String) value);
            } catch (DateTimeParseException e) {
                ok = false;
            }
        }
        if (!ok) {
            throw DomainException.invalid("INVALID_VALUE", "the field '" + field + "' is not a valid " + this)
                    .with("field", field);
        }
        return switch (this) {
            case ID_NUMBER -> ResidentIdNumber.of(((String) value).trim()).value();
            case USCC -> UnifiedSocialCreditCode.of(((String) value).trim()).value();
            case MOBILE -> MobileNumber.of(((String) value).trim()).value();
            case STRING, NAME, ADDRESS, DATE -> ((String) value).trim();
            default -> value;
        };
    }

    /** The masked form of a personal value (脱敏): ID and mobile numbers keep their customary ends, names the first. */
    public Object mask(Object value) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value);
        return switch (this) {
            case ID_NUMBER -> Masking.idNumber(text);
            case MOBILE -> Masking.mobile(text);
            case NAME -> Masking.name(text);
            default -> "*".repeat(Math.min(8, Math.max(1, text.codePointCount(0, text.length()))));
        };
    }
}
