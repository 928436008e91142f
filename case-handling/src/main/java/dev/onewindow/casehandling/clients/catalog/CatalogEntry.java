package dev.onewindow.casehandling.clients.catalog;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/**
 * The fields of service-catalog's {@code EntryResponse} that case-handling reads (our own record: services never
 * share classes), as they come over the wire; {@link CatalogAdapter} maps them to the domain's
 * {@link dev.onewindow.casehandling.entries.Entry}. Unknown fields are ignored — the catalog may add fields within
 * its major version.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogEntry(String implementationCode, int version, String status, String basicCode, String itemType,
        String name, String departmentCode, String region, List<String> applicantTypes, List<Material> materials,
        Integer statutoryLimitDays, Integer promisedLimitDays, AutoApproval autoApproval, Result result,
        List<FormField> formFields, List<Step> steps) {

    public static final String PUBLISHED = "PUBLISHED";

    public CatalogEntry {
        steps = steps == null ? List.of() : steps.stream().filter(java.util.Objects::nonNull).toList();
        applicantTypes = applicantTypes == null ? List.of() : List.copyOf(applicantTypes);
        materials = materials == null ? List.of() : List.copyOf(materials);
        formFields = formFields == null ? List.of() : formFields.stream().filter(java.util.Objects::nonNull).toList();
    }

    /**
     * A field of the application form (service-catalog's optional {@code formFields}, absent = none):
     * {@code personal} marks personal information; a field whose flag is missing is not taken as personal here
     * (values that are ID or mobile numbers are found by case-handling itself).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FormField(String name, String label, Boolean personal, Boolean required) {
    }

    /** A process step (环节) with its limit in working days ({@code steps} of {@code EntryResponse}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Step(String name, Integer limitDays) {
    }

    public boolean published() {
        return PUBLISHED.equals(status);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Material(String code, String name, boolean required, List<String> acceptedLicenseTypes) {
        public Material {
            acceptedLicenseTypes = acceptedLicenseTypes == null ? List.of() : List.copyOf(acceptedLicenseTypes);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AutoApproval(boolean enabled, String ruleSetVersion, List<Rule> rules) {
        public AutoApproval {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    /** One machine-checkable rule of a 秒批 rule set; which fields matter depends on {@code type}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rule(String type, String licenseType, String field, BigDecimal min, BigDecimal max, JsonNode value) {
    }

    /** {@code kind} is {@code LICENSE} (with {@code licenseType}) or {@code DOCUMENT}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(String kind, String licenseType) {
    }
}
