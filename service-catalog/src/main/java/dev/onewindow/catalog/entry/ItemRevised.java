package dev.onewindow.catalog.entry;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.onewindow.catalog.item.ItemType;

/**
 * {@code item.revised}: a new version replaced {@code previousVersion} as the current published one. Cases submitted
 * under the previous version keep it; new cases use this one. Carries the whole new version.
 */
public record ItemRevised(String implementationCode, int version, int previousVersion, String basicCode,
        ItemType itemType, String departmentCode, String region, Instant publishedAt,
        @JsonUnwrapped EntryContent content) {
}
