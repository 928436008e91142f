package dev.onewindow.catalog.bundle;

import java.util.List;

import dev.onewindow.catalog.entry.Material;

/** A member entry as published when the bundle is published: the version pinned and what it asks for. */
public record MemberSnapshot(String implementationCode, int version, String departmentCode, String name,
        List<Material> materials) {
}
