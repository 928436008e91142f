package dev.onewindow.catalog.bundle;

import java.util.List;

/**
 * A material of a bundle's merged list: asked once however many members need it. {@code requiredBy} maps it back
 * to each member's own material, so a child case can be given what its entry asks for.
 */
public record MergedMaterial(String code, String name, boolean required, String condition, int originals,
        int copies, List<String> acceptedLicenseTypes, List<MaterialRef> requiredBy) {

    /** A member's material: the entry and the material's code within it. */
    public record MaterialRef(String implementationCode, String materialCode) {
    }
}
