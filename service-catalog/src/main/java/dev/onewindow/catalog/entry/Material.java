package dev.onewindow.catalog.entry;

import java.util.List;

import dev.onewindow.catalog.limits.Codes;
import dev.onewindow.catalog.limits.Limits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An application material (申请材料). {@code required=false} makes it conditional: {@code condition} says when it is
 * needed. An applicant holding a valid e-license of one of {@code acceptedLicenseTypes} need not submit it (免提交).
 */
public record Material(
        @NotBlank @Pattern(regexp = Codes.MATERIAL, message = "1-10 upper-case letters or digits") String code,
        @NotBlank @Size(max = Limits.MATERIAL_NAME) String name,
        @NotNull Boolean required,
        @Size(max = Limits.NOTE) String condition,
        @Min(0) @Max(Limits.COPIES) Integer originals,
        @Min(0) @Max(Limits.COPIES) Integer copies,
        @Size(max = Limits.NOTE) String formTemplate,
        @Size(max = Limits.LICENSE_TYPES) List<@NotNull @Pattern(regexp = Codes.LICENSE_TYPE) String> acceptedLicenseTypes) {

    public Material {
        originals = originals == null ? 0 : originals;
        copies = copies == null ? 0 : copies;
        acceptedLicenseTypes = acceptedLicenseTypes == null ? List.of() : List.copyOf(acceptedLicenseTypes);
    }

    public boolean isRequired() {
        return Boolean.TRUE.equals(required);
    }
}
