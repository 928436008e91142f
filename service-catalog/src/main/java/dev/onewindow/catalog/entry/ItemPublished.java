package dev.onewindow.catalog.entry;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.onewindow.catalog.item.ItemType;

/**
 * {@code item.published}: a version became the current published version of an entry — for the first time, or again
 * after a suspension ({@code resumed}). Carries the whole version, so consumers need no call back.
 */
public record ItemPublished(String implementationCode, int version, String basicCode, ItemType itemType,
        String departmentCode, String region, boolean resumed, Instant publishedAt,
        @JsonUnwrapped EntryContent content) {
}
