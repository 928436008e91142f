package dev.onewindow.dataexchange.resources;

/**
 * A field of a resource: its name, label, type, classification level (1 public … 4 most sensitive) and whether it is
 * personal information (个人信息保护法 §4), which is masked unless a grant names it.
 */
public record ResourceField(String name, String label, FieldType type, int level, boolean personal) {
}
