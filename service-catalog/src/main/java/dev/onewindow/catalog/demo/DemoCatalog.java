package dev.onewindow.catalog.demo;

import java.util.List;

import dev.onewindow.catalog.entry.EntryDraft;
import dev.onewindow.catalog.item.ApplicantType;
import dev.onewindow.catalog.limits.Codes;
import dev.onewindow.catalog.limits.Limits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The demo catalog file ({@code demo/catalog.json}): the shapes the API accepts, with the same limits, so the demo
 * data passes the validation an admin's input does. {@code licenseTypes} documents the e-license type codes the
 * entries use (e-license seeds the same list); the catalog itself does not own license types.
 */
record DemoCatalog(
        @NotEmpty List<@Valid DemoDepartment> departments,
        @NotEmpty List<@Valid LicenseType> licenseTypes,
        @NotEmpty List<@Valid DemoItem> items,
        @NotEmpty List<@NotNull @Valid EntryDraft> entries,
        List<@NotNull @Valid DemoBundle> bundles) {

    record DemoDepartment(@NotBlank @Pattern(regexp = Codes.DEPARTMENT) String code, @NotBlank String name,
            @NotBlank @Pattern(regexp = Codes.REGION) String region) {
    }

    record LicenseType(@NotBlank @Pattern(regexp = Codes.LICENSE_TYPE) String code, @NotBlank String name) {
    }

    record DemoItem(@NotBlank String basicCode, @NotBlank @Size(max = Limits.NAME) String name,
            @Size(max = Limits.TEXT) String legalBasis, @NotEmpty List<@NotNull ApplicantType> applicantTypes,
            List<String> lifeEvents, List<String> enterpriseTopics) {
    }

    /** A bundle as a catalog admin creates it. */
    record DemoBundle(
            @NotBlank @Pattern(regexp = Codes.BUNDLE) String code,
            @NotBlank @Size(max = Limits.SHORT_NAME) String name,
            @Size(max = Limits.TEXT) String description,
            @NotBlank @Pattern(regexp = Codes.DEPARTMENT) String leadDepartment,
            @NotNull @Size(min = 2, max = Limits.MEMBERS)
            List<@NotNull @Pattern(regexp = Codes.IMPLEMENTATION) String> members) {
    }
}
