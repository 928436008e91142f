package dev.onewindow.catalog.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One numbered version of an entry. Drafts change; a version submitted for review is frozen until the reviewer
 * returns it; once published the content is frozen for good and only the status moves on (superseded, suspended,
 * withdrawn), so a case can always be judged under the version it was submitted with. {@code history} says who
 * drafted, submitted, reviewed and published it.
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
        String publishedBy,
        History history) {

    public EntryVersion {
        if (history == null) {
            // stored before versions had a history: the creator, and a draft's last editor, are its authors
            List<String> editors = new ArrayList<>();
            if (createdBy != null) {
                editors.add(createdBy);
            }
            boolean open = status == VersionStatus.DRAFT || status == VersionStatus.IN_REVIEW;
            if (open && updatedBy != null && !editors.contains(updatedBy)) {
                editors.add(updatedBy);
            }
            history = new History(editors, open ? updatedBy : createdBy, open ? updatedAt : createdAt, null, null,
                    null, null, null, null, publishedBy, publishedAt);
        }
    }

    static EntryVersion draft(int number, EntryContent content, String by, Instant now) {
        return new EntryVersion(number, VersionStatus.DRAFT, content, now, by, now, by, null, null,
                History.drafted(by, now));
    }

    EntryVersion edited(EntryContent newContent, String by, Instant now) {
        return new EntryVersion(version, status, newContent, createdAt, createdBy, now, by, publishedAt,
                publishedBy, history.edited(by, now));
    }

    EntryVersion submitted(String by, Instant now) {
        return new EntryVersion(version, VersionStatus.IN_REVIEW, content, createdAt, createdBy, now, by,
                publishedAt, publishedBy, history.submitted(by, now));
    }

    EntryVersion returned(String by, String comment, Instant now) {
        return new EntryVersion(version, VersionStatus.DRAFT, content, createdAt, createdBy, now, by, publishedAt,
                publishedBy, history.returned(by, comment, now));
    }

    EntryVersion published(String by, boolean reviewed, Instant now) {
        return new EntryVersion(version, VersionStatus.PUBLISHED, content, createdAt, createdBy, now, by, now, by,
                history.published(by, reviewed, now));
    }

    EntryVersion withStatus(VersionStatus newStatus, String by, Instant now) {
        return new EntryVersion(version, newStatus, content, createdAt, createdBy, now, by, publishedAt,
                publishedBy, history);
    }

    /** Whether anyone (also anonymous) may read this version by its number. */
    public boolean publiclyReadable() {
        return publishedAt != null && status.everPublished();
    }
}
