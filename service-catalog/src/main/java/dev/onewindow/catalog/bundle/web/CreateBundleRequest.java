package dev.onewindow.catalog.bundle.web;

import java.util.List;

import dev.onewindow.catalog.entry.Codes;
import dev.onewindow.catalog.entry.ImplementationCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of creating a bundle (also the shape of each bundle in the demo data). */
public record CreateBundleRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9]{2,20}", message = "2-20 upper-case letters or digits") String code,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 4000) String description,
        @NotBlank @Pattern(regexp = Codes.DEPARTMENT) String leadDepartment,
        @NotNull @Size(min = 2, max = 20) List<@NotNull @Pattern(regexp = ImplementationCode.REGEX,
                message = "an implementation code: basic code + region + department") String> members) {
}
