package dev.onewindow.catalog.entry;

import dev.onewindow.catalog.item.ItemType;

/** Public search criteria; every one is optional. {@code keyword} is free text, matched as a substring. */
public record SearchQuery(String keyword, String departmentCode, String region, String topic, ItemType itemType,
        Integer onlineDepth) {
}
