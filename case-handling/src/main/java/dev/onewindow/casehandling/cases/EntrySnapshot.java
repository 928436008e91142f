package dev.onewindow.casehandling.cases;

import java.util.List;

import dev.onewindow.casehandling.entries.Entry;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * The catalog entry version a case was submitted under, copied into the case: cases are judged under that version
 * even after the entry is revised (docs/domain.md, service-catalog), and reads need no call to service-catalog.
 */
public record EntrySnapshot(String implementationCode, int version, String name, String itemType,
        String departmentCode, String region, int promisedLimitDays, Integer statutoryLimitDays, String resultKind,
        String resultLicenseType, List<Material> materials, List<Step> steps) {

    public static final String LICENSE = "LICENSE";
    public static final String DOCUMENT = "DOCUMENT";

    @PersistenceCreator
    public EntrySnapshot {
        materials = materials == null ? List.of() : List.copyOf(materials);
        steps = steps == null ? List.of() : List.copyOf(steps); // none on cases stored before steps were kept
    }

    /** A snapshot of an entry version without process steps. */
    public EntrySnapshot(String implementationCode, int version, String name, String itemType, String departmentCode,
            String region, int promisedLimitDays, Integer statutoryLimitDays, String resultKind,
            String resultLicenseType, List<Material> materials) {
        this(implementationCode, version, name, itemType, departmentCode, region, promisedLimitDays,
                statutoryLimitDays, resultKind, resultLicenseType, materials, List.of());
    }

    /** A process step (环节) of the version with its own limit in working days, in the catalog's order. */
    public record Step(String name, int limitDays) {
    }

    /** A material the entry version asks for, and the e-license types that may replace it (免提交). */
    public record Material(String code, String name, boolean required, List<String> acceptedLicenseTypes) {
        public Material {
            acceptedLicenseTypes = acceptedLicenseTypes == null ? List.of() : List.copyOf(acceptedLicenseTypes);
        }
    }

    /** The snapshot of a catalog entry version, taken when a case is submitted under it. */
    public static EntrySnapshot of(Entry entry) {
        Entry.Result result = entry.result() == null ? new Entry.Result(DOCUMENT, null) : entry.result();
        String kind = LICENSE.equals(result.kind()) ? LICENSE : DOCUMENT;
        return new EntrySnapshot(entry.implementationCode(), entry.version(), entry.name(), entry.itemType(),
                entry.departmentCode(), entry.region(), entry.promisedLimitDays(), entry.statutoryLimitDays(), kind,
                result.licenseType(), entry.materials().stream().map(m -> new Material(m.code(), m.name(),
                        m.required(), m.acceptedLicenseTypes())).toList(),
                entry.steps().stream().map(s -> new Step(s.name(), s.limitDays())).toList());
    }

    public java.util.Optional<Material> material(String code) {
        return materials.stream().filter(m -> m.code().equals(code)).findFirst();
    }

    public boolean resultIsLicense() {
        return LICENSE.equals(resultKind);
    }
}
