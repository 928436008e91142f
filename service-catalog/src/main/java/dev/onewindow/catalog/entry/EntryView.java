package dev.onewindow.catalog.entry;

import java.util.List;
import java.util.Optional;

import dev.onewindow.catalog.item.ItemType;
import org.springframework.data.annotation.Id;

/**
 * A read of one entry with only the version asked for: the entry's identity plus at most one element of
 * {@code versions}, as projected by the database.
 */
public record EntryView(@Id String implementationCode, String basicCode, ItemType itemType, String departmentCode,
        String region, EntryStatus status, List<EntryVersion> versions) {

    public EntryView {
        versions = versions == null ? List.of() : versions;
    }

    public Optional<EntryVersion> version() {
        return versions.stream().findFirst();
    }
}
