package dev.onewindow.catalog.bundle;

public enum BundleStatus {
    /** Being put together; only catalog admins see it. */
    DRAFT,
    /** Submitted for review (审核): a second catalog admin publishes it or returns it to draft. */
    IN_REVIEW,
    /** Public, with its members' versions pinned and the merged material list computed. */
    PUBLISHED
}
