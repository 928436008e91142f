package dev.onewindow.casehandling.cases;

import java.util.List;

/**
 * The catalog entry version a case was submitted under, copied into the case: cases are judged under that version
 * even after the entry is revised (DOMAIN.md §1), and reads need no call to service-catalog.
 */
public record EntrySnapshot(String implementationCode, int version, String name, String itemType,
        String departmentCode, String region, int promisedLimitDays, Integer statutoryLimitDays, String resultKind,
        String resultLicenseType, List<Material> materials) {

    public static final String LICENSE = "LICENSE";
    public static final String DOCUMENT = "DOCUMENT";

    public EntrySnapshot {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /** A material the entry version asks for, and the e-license types that may replace it (免提交). */
    public record Material(String code, String name, boolean required, List<String> acceptedLicenseTypes) {
        public Material {
            acceptedLicenseTypes = acceptedLicenseTypes == null ? List.of() : List.copyOf(acceptedLicenseTypes);
        }
    }

    public java.util.Optional<Material> material(String code) {
        return materials.stream().filter(m -> m.code().equals(code)).findFirst();
    }

    public boolean resultIsLicense() {
        return LICENSE.equals(resultKind);
    }
}
