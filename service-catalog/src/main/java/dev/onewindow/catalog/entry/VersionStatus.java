package dev.onewindow.catalog.entry;

/** The status of one version of an entry. At most one version is PUBLISHED or SUSPENDED at a time. */
public enum VersionStatus {
    DRAFT,
    PUBLISHED,
    /** Was published, then replaced by a newer version: cases submitted under it are still judged by it. */
    SUPERSEDED,
    SUSPENDED,
    WITHDRAWN;

    /** Whether this version was public at some point (then anyone may read it by its number). */
    boolean everPublished() {
        return this != DRAFT;
    }
}
