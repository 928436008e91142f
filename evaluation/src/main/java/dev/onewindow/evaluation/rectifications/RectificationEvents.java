package dev.onewindow.evaluation.rectifications;

import java.time.Instant;
import java.util.List;

/**
 * The data of the rectification aggregate's events (topic {@code evaluation.rectification.events.v1}, key =
 * rectification id). They never name the rater, nor carry what the rater or the department wrote.
 */
public final class RectificationEvents {

    private RectificationEvents() {
    }

    /** A bad rating's rectification opened (round 1), or reopened after an unsatisfied rater (round 2). */
    public record Opened(String rectificationId, String ratingId, String subjectType, String subjectId,
            String subjectNo, String region, String department, int level, List<String> reasons, boolean realName,
            int round, Instant openedAt, Instant dueAt) {
    }

    /**
     * The rater confirmed being satisfied with the department's feedback, or did not answer in time
     * ({@code confirmedByDefault}, 默认满意).
     */
    public record Completed(String rectificationId, String ratingId, String region, String department, int round,
            FeedbackResult result, boolean calledBack, boolean onTime, boolean confirmedByDefault,
            Instant completedAt) {
    }

    /** The department's time ran out before it fed back; raised once per round. */
    public record Overdue(String rectificationId, String ratingId, String region, String department, int round,
            Instant dueAt, Instant detectedAt) {
    }

    /** Unsatisfied twice: handed to supervision (效能监督). */
    public record Escalated(String rectificationId, String ratingId, String region, String department,
            String reason, Instant escalatedAt) {
    }
}
