package dev.onewindow.dataexchange.accesslog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The result of verifying the access log (or a range of it): per lane what was checked, and the first broken link —
 * the first entry whose stored hash is not the hash of its content ({@code HASH_MISMATCH}), that does not link to the
 * one before ({@code LINK_BROKEN}), a sequence number missing in the middle ({@code MISSING_ENTRY}), a lane shorter
 * than the signed head ({@code TRUNCATED}) or different from it at the signed sequence ({@code CHECKPOINT_MISMATCH}),
 * or a head whose signature does not verify ({@code CHECKPOINT_SIGNATURE_INVALID}).
 */
public record Verification(boolean verified, long entries, List<LaneResult> lanes, Broken firstBroken,
        Checkpoint checkpoint, Instant checkedAt, Duration took) {

    /** What one lane's check found. */
    public record LaneResult(int lane, long fromSeq, long lastSeq, String lastHash, long entries, Broken broken) {
    }

    /** The first broken link of a lane: where, and what is wrong there. */
    public record Broken(int lane, long seq, String entryId, Problem problem, String detail) {
    }

    public enum Problem {
        HASH_MISMATCH, LINK_BROKEN, MISSING_ENTRY, TRUNCATED, CHECKPOINT_MISMATCH, CHECKPOINT_SIGNATURE_INVALID
    }
}
