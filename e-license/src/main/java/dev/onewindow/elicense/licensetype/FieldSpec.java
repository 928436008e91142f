package dev.onewindow.elicense.licensetype;

import java.util.List;

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
    }
}
