package dev.onewindow.catalog.demo;

import java.util.List;

import dev.onewindow.catalog.bundle.web.CreateBundleRequest;
import dev.onewindow.catalog.entry.web.DraftEntryRequest;
import dev.onewindow.catalog.item.ApplicantType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The demo catalog file ({@code demo/catalog.json}): the same shapes the API accepts, so the demo data passes the
 * same validation an admin's input does. {@code licenseTypes} documents the e-license type codes the entries use
 * (e-license seeds the same list); the catalog itself does not own license types.
 */
record DemoCatalog(
        @NotEmpty List<@Valid DemoDepartment> departments,
        @NotEmpty List<@Valid LicenseType> licenseTypes,
        @NotEmpty List<@Valid DemoItem> items,
        @NotEmpty List<@Valid DraftEntryRequest> entries,
        List<@Valid CreateBundleRequest> bundles) {

    record DemoDepartment(@NotBlank @Pattern(regexp = "[A-Z0-9]{2,20}") String code, @NotBlank String name,
            @NotBlank @Pattern(regexp = "\\d{6}") String region) {
    }

    record LicenseType(@NotBlank @Pattern(regexp = "[A-Z0-9]{2,20}") String code, @NotBlank String name) {
    }

    record DemoItem(@NotBlank String basicCode, @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String legalBasis, @NotEmpty List<@NotNull ApplicantType> applicantTypes,
            List<String> lifeEvents, List<String> enterpriseTopics) {
    }
}
