package dev.onewindow.catalog.bundle;

import java.time.Instant;
import java.util.List;

/**
 * {@code bundle.published}: a bundle became (or, re-published, stays) public with these member versions and this
 * merged material list. Case-handling opens one child case per member when a bundle application arrives.
 */
public record BundlePublished(String code, String name, String leadDepartment, String region,
        List<BundleMember> members, List<MergedMaterial> materials, Instant publishedAt) {
}
