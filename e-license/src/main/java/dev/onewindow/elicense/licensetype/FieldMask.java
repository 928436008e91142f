package dev.onewindow.elicense.licensetype;

import dev.onewindow.platform.personal.Masking;

/**
 * How a personal field's value is masked (脱敏) for a reader the holder did not show it to in full, with the
 * platform's {@link Masking}: {@code ID_NUMBER} {@code 110105********1234}, {@code MOBILE} {@code 138****5678},
 * {@code NAME} {@code 张*}, {@code ALL} {@code ***} (nothing of the value shows, not even its length).
 */
public enum FieldMask {
    ID_NUMBER, MOBILE, NAME, ALL;

    /** The masked form of {@code value} (a string whatever the field's type; {@code null} stays {@code null}). */
    public String apply(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof String s ? s : String.valueOf(value);
        return switch (this) {
            case ID_NUMBER -> Masking.idNumber(text);
            case MOBILE -> Masking.mobile(text);
            case NAME -> Masking.name(text);
            case ALL -> "***";
        };
    }
}
