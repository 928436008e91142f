package dev.onewindow.casehandling.cases;

import java.time.Instant;
import java.util.List;

/**
 * An outstanding 补正 request: every missing item told at once (一次性告知). {@code phase} decides where the case goes
 * back to when the applicant supplements (and whether the clock was paused).
 */
public record SupplementRequest(Phase phase, List<Item> items, String comment, Instant requestedAt,
        String requestedBy) {

    public enum Phase {
        /** Requested by a window officer before acceptance; back to SUBMITTED. */
        ACCEPTANCE,
        /** Requested by a reviewer during review, clock paused; back to IN_REVIEW. */
        REVIEW
    }

    /** {@code materialCode} names the material to (re)submit; {@code null} for other corrections. */
    public record Item(String materialCode, String description) {
    }

    public SupplementRequest {
        items = List.copyOf(items);
    }
}
