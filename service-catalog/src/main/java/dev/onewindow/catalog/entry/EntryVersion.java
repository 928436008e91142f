package dev.onewindow.catalog.entry;

import java.time.Instant;

/**
 * One numbered version of an entry. Drafts change; once published the content is frozen and only the status moves
 * on (superseded, suspended, withdrawn), so a case can always be judged under the version it was submitted with.
 */
public record EntryVersion(
        int version,
        VersionStatus status,
        EntryContent content,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        Instant publishedAt,
        String publishedBy) {

    static EntryVersion draft(int number, EntryContent content, String by, Instant now) {
        return new EntryVersion(number, VersionStatus.DRAFT, content, now, by, now, by, null, null);
    }

    EntryVersion edited(EntryContent newContent, String by, Instant now) {
        return new EntryVersion(version, status, newContent, createdAt, createdBy, now, by, publishedAt,
                publishedBy);
    }

    EntryVersion published(String by, Instant now) {
        return new EntryVersion(version, VersionStatus.PUBLISHED, content, createdAt, createdBy, now, by, now, by);
    }

    EntryVersion withStatus(VersionStatus newStatus, String by, Instant now) {
        return new EntryVersion(version, newStatus, content, createdAt, createdBy, now, by, publishedAt,
                publishedBy);
    }

    /** Whether anyone (also anonymous) may read this version by its number. */
    public boolean publiclyReadable() {
        return publishedAt != null && status.everPublished();
    }
}
