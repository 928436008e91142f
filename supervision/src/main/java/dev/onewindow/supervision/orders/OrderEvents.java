package dev.onewindow.supervision.orders;

import java.time.Instant;

import dev.onewindow.supervision.Source;

/**
 * The data of the supervision order aggregate's events (topic {@code supervision.supervision-order.events.v1}, key =
 * order id). They never carry what the supervisor or the department wrote, nor who they are.
 */
public final class OrderEvents {

    private OrderEvents() {
    }

    /** A 督办单 was opened: automatically on a RED alert ({@code alertId}) or by a supervisor ({@code alertId} null). */
    public record Opened(String orderId, String alertId, String alertKind, Source source, String subjectId,
            String subjectNo, String region, String department, Severity severity, boolean automatic,
            boolean repeated, Instant openedAt, Instant replyDueAt) {
    }

    /** The severity rose: the reply is overdue ({@code REPLY_OVERDUE}) or a supervisor escalated it ({@code SUPERVISOR}). */
    public record Escalated(String orderId, String region, String department, Severity from, Severity severity,
            String reason, Instant escalatedAt, Instant replyDueAt) {
    }

    /** The department replied. */
    public record Replied(String orderId, String region, String department, Severity severity, boolean onTime,
            Instant repliedAt) {
    }

    /** The supervisor closed the order. */
    public record Closed(String orderId, String region, String department, Severity severity, int escalations,
            Instant closedAt) {
    }
}
