package dev.onewindow.catalog.entry;

/** What the reviewer of a version or a bundle decided last (审核). */
public enum ReviewOutcome {
    /** Sent back to draft, with the reviewer's comment. */
    RETURNED,
    /** Published by the reviewer. */
    APPROVED
}
