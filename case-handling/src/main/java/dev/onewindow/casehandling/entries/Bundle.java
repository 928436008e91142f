package dev.onewindow.casehandling.entries;

import java.util.List;

/** A 一件事 bundle: its members (each an entry version) and the merged list of the materials they ask for. */
public record Bundle(String code, String name, String leadDepartment, String status, List<Member> members,
        List<Material> materials) {

    public Bundle {
        members = members == null ? List.of() : List.copyOf(members);
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    public boolean published() {
        return Entry.PUBLISHED.equals(status);
    }

    /** Whether the catalog gives the merged material list (bundles published before it existed do not). */
    public boolean mergesMaterials() {
        return !materials.isEmpty();
    }

    public record Member(String implementationCode, Integer version) {
    }

    /**
     * One material of the bundle's merged list (asked once however many members need it); {@code requiredBy} names
     * the member entries' own material codes it stands for.
     */
    public record Material(String code, String name, boolean required, List<String> acceptedLicenseTypes,
            List<MemberMaterial> requiredBy) {
        public Material {
            acceptedLicenseTypes = acceptedLicenseTypes == null ? List.of() : List.copyOf(acceptedLicenseTypes);
            requiredBy = requiredBy == null ? List.of() : List.copyOf(requiredBy);
        }
    }

    public record MemberMaterial(String implementationCode, String materialCode) {
    }
}
