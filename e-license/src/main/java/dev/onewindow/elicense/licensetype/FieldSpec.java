package dev.onewindow.elicense.licensetype;

import java.util.List;

import dev.onewindow.elicense.Limits;

/**
 * One field of a licence type's face.
 *
 * @param name          field name in requests, events and the canonical form (camelCase)
 * @param label         the name printed on the licence
 * @param type          value type
 * @param required      whether every licence of the type has it
 * @param personal      personal data of a natural person: masked wherever the holder is not the reader
 * @param allowedValues for a {@code STRING}, the only values allowed (empty: any)
 */
public record FieldSpec(String name, String label, FieldType type, boolean required, boolean personal,
        List<String> allowedValues) {

    public FieldSpec {
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
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
}
