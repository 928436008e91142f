package dev.onewindow.casehandling.clients.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A 一件事 bundle as service-catalog publishes it (only the fields case-handling reads). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogBundle(String code, String name, String leadDepartment, String status, List<Member> members,
        List<Material> materials) {

    public CatalogBundle {
        members = members == null ? List.of() : List.copyOf(members);
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    public boolean published() {
        return CatalogEntry.PUBLISHED.equals(status);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(String implementationCode, Integer version) {
    }

    /**
     * One material of the bundle's merged list (asked once however many members need it); {@code requiredBy} names
     * the member entries' own material codes it stands for.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Material(String code, String name, boolean required, List<String> acceptedLicenseTypes,
            List<MemberMaterial> requiredBy) {
        public Material {
            acceptedLicenseTypes = acceptedLicenseTypes == null ? List.of() : List.copyOf(acceptedLicenseTypes);
            requiredBy = requiredBy == null ? List.of() : List.copyOf(requiredBy);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MemberMaterial(String implementationCode, String materialCode) {
    }
}
