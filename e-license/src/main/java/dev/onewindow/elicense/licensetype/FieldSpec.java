package dev.onewindow.elicense.licensetype;

import java.util.List;

import dev.onewindow.elicense.Limits;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * One field of a licence type's face.
 *
 * @param name          field name in requests, events and the canonical form (camelCase)
 * @param label         the name printed on the licence
 * @param type          value type
 * @param required      whether every licence of the type has it
 * @param personal      personal data of a natural person: masked wherever the holder is not the reader, unless the
 *                      holder chose to show it in full (an authorization naming the field)
 * @param allowedValues for a {@code STRING}, the only values allowed (empty: any)
 * @param mask          how the value of a personal field is masked; default {@code ID_NUMBER} for an ID number,
 *                      {@code ALL} ({@code ***}) for anything else. Names are {@code NAME} ({@code 张*}) in the seed.
 */
public record FieldSpec(String name, String label, FieldType type, boolean required, boolean personal,
        List<String> allowedValues, FieldMask mask) {

    @PersistenceCreator
    public FieldSpec {
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        mask = mask != null ? mask : type == FieldType.ID_NUMBER ? FieldMask.ID_NUMBER : FieldMask.ALL;
        if (name == null || name.length() > Limits.FIELD_NAME_LENGTH || !name.matches(Limits.FIELD_NAME)) {
            throw new IllegalArgumentException("a licence field needs a camelCase name of at most "
                    + Limits.FIELD_NAME_LENGTH + " characters: " + name);
        }
        if (label == null || label.length() > Limits.FIELD_LABEL_LENGTH) {
            throw new IllegalArgumentException("field " + name + " needs a label of at most "
                    + Limits.FIELD_LABEL_LENGTH + " characters");
        }
        if (type == null) {
            throw new IllegalArgumentException("field " + name + " has no type");
        }
        if (allowedValues.size() > Limits.ALLOWED_VALUES
                || allowedValues.stream().anyMatch(v -> v == null || v.length() > Limits.FIELD_TEXT_LENGTH)) {
            throw new IllegalArgumentException("field " + name + " allows more than " + Limits.ALLOWED_VALUES
                    + " values, or a value longer than " + Limits.FIELD_TEXT_LENGTH + " characters");
        }
    }

    /** A field masked by its type's default ({@code ID_NUMBER} for an ID number, else {@code ALL}). */
    public FieldSpec(String name, String label, FieldType type, boolean required, boolean personal,
            List<String> allowedValues) {
        this(name, label, type, required, personal, allowedValues, null);
    }

    /**
     * The value as a reader who was not shown it in full sees it: a personal field's value masked by {@link #mask()},
     * any other value as it is.
     */
    public Object maskedIfPersonal(Object value) {
        return personal ? mask.apply(value) : value;
    }
}
