package dev.onewindow.catalog.entry;

/** Where an implementation list entry is in its life (draft → published → suspended / withdrawn). */
public enum EntryStatus {
    /** Never published: only staff see it. */
    DRAFT,
    /** A version is current and public; a revision may be in draft at the same time. */
    PUBLISHED,
    /** Temporarily not accepting applications (暂停); not listed, its versions stay readable. */
    SUSPENDED,
    /** Permanently withdrawn (取消); nothing more can happen to it. */
    WITHDRAWN
}
