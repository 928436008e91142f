package dev.onewindow.catalog.entry;

/**
 * The status of one version of an entry. At most one version is PUBLISHED or SUSPENDED at a time, and at most one is
 * DRAFT or IN_REVIEW (the open draft).
 */
public enum VersionStatus {
    /** Being written; only staff see it. */
    DRAFT,
    /** Submitted for review (审核): frozen until a reviewer publishes it or returns it to DRAFT. Only staff see it. */
    IN_REVIEW,
    PUBLISHED,
    /** Was published, then replaced by a newer version: cases submitted under it are still judged by it. */
    SUPERSEDED,
    SUSPENDED,
    WITHDRAWN;

    /** Whether this version was public at some point (then anyone may read it by its number). */
    boolean everPublished() {
        return this != DRAFT && this != IN_REVIEW;
    }
}
