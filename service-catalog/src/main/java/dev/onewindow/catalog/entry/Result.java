package dev.onewindow.catalog.entry;

import dev.onewindow.catalog.limits.Codes;
import dev.onewindow.catalog.limits.Limits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The result of an approved case: {@code {"kind":"LICENSE","licenseType":"SPJYXKZ"}} (e-license issues a license of
 * that type) or {@code {"kind":"DOCUMENT","name":"准予注销登记通知书"}}. {@code name} is the result's display name.
 */
public record Result(
        @NotNull ResultKind kind,
        @Pattern(regexp = Codes.LICENSE_TYPE) String licenseType,
        @Size(max = Limits.RESULT_NAME) String name) {

    public static Result license(String licenseType, String name) {
        return new Result(ResultKind.LICENSE, licenseType, name);
    }

    public static Result document(String name) {
        return new Result(ResultKind.DOCUMENT, null, name);
    }
}
