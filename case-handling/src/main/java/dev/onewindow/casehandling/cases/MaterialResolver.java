package dev.onewindow.casehandling.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.onewindow.casehandling.entries.Bundle;
import dev.onewindow.casehandling.entries.Entry;
import dev.onewindow.casehandling.files.FileStore;
import dev.onewindow.casehandling.files.StoredFile;
import dev.onewindow.platform.domain.DomainException;
import org.springframework.stereotype.Component;

/**
 * Turns the materials an applicant names — uploaded files or e-license authorizations (免证办) — into a case's
 * materials, the same way for a submission and for a supplement (补正). It works in two steps because an
 * authorization is single-use: {@link #plan} checks everything that can be checked locally (the material is asked
 * for, given once, by exactly one of file and authorization, the file is the caller's own upload, the material
 * accepts an e-license at all); only then, once every other check of the command has passed as well,
 * {@link #redeem} consumes the authorizations and checks each licence serves its material for this applicant.
 */
@Component
public class MaterialResolver {

    private final FileStore files;
    private final LicenseAuthorizations licenses;

    MaterialResolver(FileStore files, LicenseAuthorizations licenses) {
        this.files = files;
        this.licenses = licenses;
    }

    /** A material checked locally; its authorization (if any) is not redeemed yet. */
    record Planned(String code, StoredFile file, String authorization, Set<String> acceptedLicenseTypes) {
    }

    /**
     * What may be given: each material code an entry (or bundle) asks for, with the e-license types that may
     * replace it (none: only an uploaded copy will do).
     */
    record Offered(Map<String, List<String>> acceptedLicenseTypes) {

        static Offered by(List<Entry> entries) {
            Map<String, List<String>> offered = new LinkedHashMap<>();
            entries.forEach(e -> e.materials().forEach(m -> offered.putIfAbsent(m.code(), m.acceptedLicenseTypes())));
            return new Offered(offered);
        }

        /** A bundle's merged list (each merged code stands for the members' own codes). */
        static Offered by(Bundle bundle) {
            Map<String, List<String>> offered = new LinkedHashMap<>();
            bundle.materials().forEach(m -> offered.putIfAbsent(m.code(), m.acceptedLicenseTypes()));
            return new Offered(offered);
        }

        /** The entry version a case was submitted under. */
        static Offered by(EntrySnapshot entry) {
            Map<String, List<String>> offered = new LinkedHashMap<>();
            entry.materials().forEach(m -> offered.putIfAbsent(m.code(), m.acceptedLicenseTypes()));
            return new Offered(offered);
        }
    }

    /** Every local check of the named materials; nothing is consumed. */
    List<Planned> plan(List<Application.MaterialReference> references, Offered offered, String uploaderSubject) {
        Set<String> seen = new LinkedHashSet<>();
        List<Planned> planned = new ArrayList<>();
        for (Application.MaterialReference reference : references) {
            List<String> acceptedLicenseTypes = offered.acceptedLicenseTypes().get(reference.code());
            if (acceptedLicenseTypes == null) {
                throw DomainException.invalid("UNKNOWN_MATERIAL", "material " + reference.code()
                        + " is not asked for by this entry").with("materialCode", reference.code());
            }
            if (!seen.add(reference.code())) {
                throw DomainException.invalid("DUPLICATE_MATERIAL", "material " + reference.code()
                        + " is given more than once");
            }
            boolean isFile = reference.fileId() != null && !reference.fileId().isBlank();
            boolean isLicense = reference.licenseAuthorization() != null
                    && !reference.licenseAuthorization().isBlank();
            if (isFile == isLicense) {
                throw DomainException.invalid("INVALID_MATERIAL", "material " + reference.code()
                        + " needs exactly one of fileId and licenseAuthorization");
            }
            if (isFile) {
                StoredFile file = files.find(reference.fileId()).filter(f -> f.ownedBy(uploaderSubject))
                        .orElseThrow(() -> DomainException.invalid("UNKNOWN_FILE", "file " + reference.fileId()
                                + " was not uploaded by you").with("materialCode", reference.code()));
                planned.add(new Planned(reference.code(), file, null, Set.of()));
            } else {
                if (acceptedLicenseTypes.isEmpty()) {
                    throw DomainException.invalid("LICENSE_NOT_ACCEPTED", "material " + reference.code()
                            + " cannot be replaced by an e-license; upload a copy");
                }
                planned.add(new Planned(reference.code(), null, reference.licenseAuthorization(),
                        Set.copyOf(acceptedLicenseTypes)));
            }
        }
        return planned;
    }

    /** Every required material is among the planned ones. */
    static void requireComplete(List<String> required, List<Planned> planned) {
        Set<String> given = new LinkedHashSet<>(codes(planned));
        List<String> missing = required.stream().filter(code -> !given.contains(code)).toList();
        if (!missing.isEmpty()) {
            throw DomainException.invalid("MISSING_MATERIALS", "required material(s) missing: "
                    + String.join(", ", missing)).with("missingMaterials", missing);
        }
    }

    static List<String> codes(List<Planned> planned) {
        return planned.stream().map(Planned::code).toList();
    }

    /**
     * Redeems the planned authorizations for {@code departmentCode} and {@code caseRef} and checks each licence is of
     * a type its material accepts, belongs to the applicant (any of {@code applicantRefs}) and is valid.
     */
    List<Material> redeem(List<Planned> planned, String departmentCode, String caseRef,
            Collection<String> applicantRefs, Instant now) {
        List<Material> materials = new ArrayList<>();
        for (Planned p : planned) {
            if (p.file() != null) {
                materials.add(Material.file(p.code(), p.file().id(), p.file().name(), p.file().contentType(),
                        p.file().size(), now));
                continue;
            }
            List<RedeemedLicense> redeemed = licenses.redeem(p.authorization(), departmentCode, caseRef);
            RedeemedLicense license = redeemed.stream().filter(l -> p.acceptedLicenseTypes().contains(l.typeCode()))
                    .findFirst().orElseThrow(() -> DomainException.invalid("LICENSE_NOT_ACCEPTED",
                            "the authorized e-license is not of a type accepted for material " + p.code())
                            .with("acceptedLicenseTypes", List.copyOf(p.acceptedLicenseTypes())));
            if (license.holderRef() == null || !applicantRefs.contains(license.holderRef())) {
                throw DomainException.invalid("LICENSE_NOT_APPLICANTS",
                        "the authorized e-license does not belong to the applicant");
            }
            if (!license.usable()) {
                throw DomainException.invalid("LICENSE_NOT_VALID", "the e-license for material " + p.code()
                        + " is " + license.status() + (license.signatureValid() ? "" : " with an invalid signature")
                        + "; upload a copy or renew the license")
                        .with("licenseStatus", String.valueOf(license.status()));
            }
            materials.add(Material.license(p.code(), license.licenseId(), license.typeCode(), license.status(),
                    license.signatureValid(), license.validUntil(), now));
        }
        return materials;
    }

    // ------------------------------------------------------------------------------------------------ which case

    /** The materials of {@code all} that {@code entry} asks for. */
    static List<Material> of(Entry entry, List<Material> all) {
        Set<String> codes = Set.copyOf(entry.materials().stream().map(Entry.Material::code).toList());
        return all.stream().filter(m -> codes.contains(m.code())).toList();
    }

    /** A bundle member's materials from the bundle's merged ones, under the member entry's own material codes. */
    static List<Material> ofMember(Bundle bundle, Entry member, List<Material> given) {
        List<Material> materials = new ArrayList<>();
        for (Material material : given) {
            bundle.materials().stream().filter(m -> m.code().equals(material.code()))
                    .flatMap(m -> m.requiredBy().stream())
                    .filter(r -> member.implementationCode().equals(r.implementationCode()))
                    .forEach(r -> materials.add(material.withCode(r.materialCode())));
        }
        return materials;
    }

    /** The codes an application must name: every required material of the entries, or of the bundle's list. */
    static List<String> required(List<Entry> entries) {
        return entries.stream().flatMap(e -> e.materials().stream()).filter(Entry.Material::required)
                .map(Entry.Material::code).distinct().toList();
    }

    static List<String> required(Bundle bundle) {
        return bundle.materials().stream().filter(Bundle.Material::required).map(Bundle.Material::code).toList();
    }
}
