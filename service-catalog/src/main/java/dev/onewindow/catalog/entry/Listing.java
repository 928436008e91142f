package dev.onewindow.catalog.entry;

import java.util.ArrayList;
import java.util.List;

import dev.onewindow.catalog.item.ItemType;

/**
 * What public search filters on, kept on the entry document only while a version is PUBLISHED (so everything the
 * search finds is public by construction). {@code grams} is the multikey-indexed bigram set of {@code text}.
 */
public record Listing(
        boolean live,
        int version,
        String name,
        String text,
        List<String> grams,
        String region,
        String departmentCode,
        List<String> topics,
        ItemType itemType,
        int onlineDepth) {

    static Listing of(EntryVersion version, ItemType itemType, String region, String departmentCode) {
        EntryContent content = version.content();
        List<String> fields = new ArrayList<>();
        fields.add(content.name());
        fields.add(content.description());
        content.materials().forEach(m -> fields.add(m.name()));
        String text = SearchText.document(fields);
        return new Listing(true, version.version(), content.name(), text, SearchText.documentGrams(text), region,
                departmentCode, content.topics(), itemType, content.onlineDepth());
    }
}
