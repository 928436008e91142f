package dev.onewindow.casehandling.entries;

import java.math.BigDecimal;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One version of a catalog entry (实施清单) as case-handling judges an application by it: who may apply, the
 * materials it asks for (and the e-license types that may replace each), the promised limit, the 秒批 rule set and
 * the result.
 */
public record Entry(String implementationCode, int version, String status, String name, String itemType,
        String departmentCode, String region, List<String> applicantTypes, List<Material> materials,
        Integer statutoryLimitDays, Integer promisedLimitDays, AutoApproval autoApproval, Result result,
        List<FormField> formFields, List<Step> steps) {

    public static final String PUBLISHED = "PUBLISHED";

    public Entry {
        applicantTypes = applicantTypes == null ? List.of() : List.copyOf(applicantTypes);
        materials = materials == null ? List.of() : List.copyOf(materials);
        formFields = formFields == null ? List.of() : List.copyOf(formFields);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** An entry version whose catalog states no process steps. */
    public Entry(String implementationCode, int version, String status, String name, String itemType,
            String departmentCode, String region, List<String> applicantTypes, List<Material> materials,
            Integer statutoryLimitDays, Integer promisedLimitDays, AutoApproval autoApproval, Result result,
            List<FormField> formFields) {
        this(implementationCode, version, status, name, itemType, departmentCode, region, applicantTypes, materials,
                statutoryLimitDays, promisedLimitDays, autoApproval, result, formFields, List.of());
    }

    /** A process step of the entry version (环节) with its own limit in working days, in the catalog's order. */
    public record Step(String name, int limitDays) {
    }

    /** An entry version whose catalog states no application form. */
    public Entry(String implementationCode, int version, String status, String name, String itemType,
            String departmentCode, String region, List<String> applicantTypes, List<Material> materials,
            Integer statutoryLimitDays, Integer promisedLimitDays, AutoApproval autoApproval, Result result) {
        this(implementationCode, version, status, name, itemType, departmentCode, region, applicantTypes, materials,
                statutoryLimitDays, promisedLimitDays, autoApproval, result, List.of());
    }

    /**
     * A field of the entry version's application form (申请表) as the catalog states it; {@code personal} marks
     * personal information (个人信息), which is stored encrypted and shown masked.
     */
    public record FormField(String name, String label, boolean personal, boolean required) {
    }

    public boolean published() {
        return PUBLISHED.equals(status);
    }

    /** A material the entry asks for; {@code acceptedLicenseTypes} may replace an uploaded copy (免提交). */
    public record Material(String code, String name, boolean required, List<String> acceptedLicenseTypes) {
        public Material {
            acceptedLicenseTypes = acceptedLicenseTypes == null ? List.of() : List.copyOf(acceptedLicenseTypes);
        }
    }

    /** The entry's 秒批 rule set. */
    public record AutoApproval(boolean enabled, String ruleSetVersion, List<Rule> rules) {
        public AutoApproval {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    /** One machine-checkable rule of a 秒批 rule set; which fields matter depends on {@code type}. */
    public record Rule(String type, String licenseType, String field, BigDecimal min, BigDecimal max, JsonNode value) {
    }

    /** {@code kind} is {@code LICENSE} (with {@code licenseType}) or {@code DOCUMENT}. */
    public record Result(String kind, String licenseType) {
    }
}
