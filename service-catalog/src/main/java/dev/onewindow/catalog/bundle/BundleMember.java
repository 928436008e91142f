package dev.onewindow.catalog.bundle;

/** A member of a published bundle: the entry and the version the bundle was published with. */
public record BundleMember(String implementationCode, int version, String departmentCode, String name) {
}
