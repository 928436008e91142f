package dev.onewindow.catalog.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.onewindow.catalog.limits.Limits;
import dev.onewindow.platform.domain.DomainException;

/**
 * Who did what to one entry version or one bundle on its way to publication (审核发布), with the instants: who
 * wrote it ({@code editors}: everyone who changed its content, none of whom may publish it while review is on;
 * {@code draftedBy}: the last of them), who submitted it for review, who reviewed it last (returned it with a
 * comment, or approved and published it) and who published it ({@code system} for reference data the service loads
 * itself). Staff only: the answers show it to staff of the department, catalog admins and auditors.
 */
public record History(
        List<String> editors,
        String draftedBy,
        Instant draftedAt,
        String submittedBy,
        Instant submittedAt,
        String reviewedBy,
        Instant reviewedAt,
        ReviewOutcome reviewOutcome,
        String reviewComment,
        String publishedBy,
        Instant publishedAt) {

    public History {
        editors = editors == null ? List.of() : editors.stream().filter(e -> e != null).distinct().toList();
    }

    /** Drafted by {@code by} at {@code now}: the start of a version or a bundle. */
    public static History drafted(String by, Instant now) {
        return new History(by == null ? List.of() : List.of(by), by, now, null, null, null, null, null, null, null,
                null);
    }

    /** Whether {@code username} wrote (part of) the content. */
    public boolean authoredBy(String username) {
        return editors.contains(username);
    }

    /** The content was changed by {@code by}: they become one of its authors. */
    public History edited(String by, Instant now) {
        List<String> all = new ArrayList<>(editors);
        if (by != null && !all.contains(by)) {
            if (all.size() >= Limits.EDITORS) {
                // never forget an author (none of them may publish): a version so many people wrote is to start over
                throw DomainException.conflict("TOO_MANY_EDITORS", Limits.EDITORS + " people have edited this "
                        + "draft already; start a new one");
            }
            all.add(by);
        }
        return new History(all, by, now, submittedBy, submittedAt, reviewedBy, reviewedAt, reviewOutcome,
                reviewComment, publishedBy, publishedAt);
    }

    public History submitted(String by, Instant now) {
        return new History(editors, draftedBy, draftedAt, by, now, reviewedBy, reviewedAt, reviewOutcome,
                reviewComment, publishedBy, publishedAt);
    }

    public History returned(String by, String comment, Instant now) {
        return new History(editors, draftedBy, draftedAt, submittedBy, submittedAt, by, now, ReviewOutcome.RETURNED,
                comment, publishedBy, publishedAt);
    }

    /** Published by {@code by}; {@code reviewed} when that was a reviewer's approval (not the system, not review off). */
    public History published(String by, boolean reviewed, Instant now) {
        return reviewed
                ? new History(editors, draftedBy, draftedAt, submittedBy, submittedAt, by, now, ReviewOutcome.APPROVED,
                        null, by, now)
                : new History(editors, draftedBy, draftedAt, submittedBy, submittedAt, reviewedBy, reviewedAt,
                        reviewOutcome, reviewComment, by, now);
    }
}
