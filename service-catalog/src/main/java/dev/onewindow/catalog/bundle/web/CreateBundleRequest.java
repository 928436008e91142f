package dev.onewindow.catalog.bundle.web;

import java.util.List;

import dev.onewindow.catalog.limits.Codes;
import dev.onewindow.catalog.limits.Limits;
import dev.onewindow.platform.text.MultiLineText;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of creating a bundle (the demo data's bundles have the same shape and limits). */
@Schema(description = "A new bundle: its members (at least two entries, each once) and the lead department, which "
        + "must implement one of them.")
public record CreateBundleRequest(
        @NotBlank @Size(max = Codes.BUNDLE_MAX)
        @Pattern(regexp = Codes.BUNDLE, message = "2-20 upper-case letters or digits") String code,
        @NotBlank @Size(max = Limits.SHORT_NAME) String name,
        @MultiLineText @Size(max = Limits.TEXT) String description,
        @NotBlank @Size(max = Codes.DEPARTMENT_MAX) @Pattern(regexp = Codes.DEPARTMENT) String leadDepartment,
        @NotNull @Size(min = 2, max = Limits.MEMBERS)
        @ArraySchema(minItems = 2, maxItems = Limits.MEMBERS, schema = @Schema(maxLength = Codes.IMPLEMENTATION_MAX,
                pattern = Codes.IMPLEMENTATION))
        List<@NotNull @Pattern(regexp = Codes.IMPLEMENTATION,
                message = "an implementation code: basic code + region + department") String> members) {
}
