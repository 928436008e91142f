package dev.onewindow.platform.problem;

/** One invalid input field in a 400 problem's {@code errors[]}: a JSON path, a stable code, a readable message. */
public record FieldViolation(String field, String code, String message) {
}
