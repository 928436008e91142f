package dev.onewindow.platform.domain;

/** One invalid input field: a JSON path, a stable code, a readable message (a 400 problem's {@code errors[]}). */
public record FieldViolation(String field, String code, String message) {
}
