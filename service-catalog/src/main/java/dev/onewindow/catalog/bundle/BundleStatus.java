package dev.onewindow.catalog.bundle;

public enum BundleStatus {
    /** Being put together; only catalog admins see it. */
    DRAFT,
    /** Public, with its members' versions pinned and the merged material list computed. */
    PUBLISHED
}
