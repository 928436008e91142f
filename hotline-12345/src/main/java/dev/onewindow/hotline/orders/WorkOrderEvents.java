package dev.onewindow.hotline.orders;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The events of a work order, one record each, each with the {@link WorkOrderFacts} unwrapped into its data. Types
 * are {@code workorder.<name>} on {@code hotline-12345.workorder.events.v1}; schemas and golden samples under
 * {@code src/main/resources/contracts/events/}.
 */
public final class WorkOrderEvents {

    private WorkOrderEvents() {
    }

    /** {@code workorder.registered} (受理); {@code duplicateOf}: open orders suggested for merging. */
    public record Registered(@JsonUnwrapped WorkOrderFacts facts, Instant registeredAt, List<String> duplicateOf) {
    }

    /** {@code workorder.answered} (直接答复) from a knowledge-base entry. */
    public record Answered(@JsonUnwrapped WorkOrderFacts facts, String knowledgeEntryId, Instant answeredAt) {
    }

    /** {@code workorder.dispatched} (派单); {@code by}: RULE, FALLBACK (兜底) or DISPATCHER (chosen by hand). */
    public record Dispatched(@JsonUnwrapped WorkOrderFacts facts, String lead, List<String> helpers, String by,
            boolean redispatch, Instant dispatchedAt) {
    }

    /** {@code workorder.signed} (签收) by the lead or a helper. */
    public record Signed(@JsonUnwrapped WorkOrderFacts facts, String department, Assignment.Role role,
            Instant signedAt) {
    }

    /** {@code workorder.returned} (退单); {@code departmentReturns}: this department's returns of this order. */
    public record Returned(@JsonUnwrapped WorkOrderFacts facts, String department, Assignment.Role role,
            String reason, int departmentReturns, Instant returnedAt) {
    }

    /** {@code workorder.started} (办理). */
    public record Started(@JsonUnwrapped WorkOrderFacts facts, String department, Instant startedAt) {
    }

    /** {@code workorder.extension-requested} (延期申请) by the lead department. */
    public record ExtensionRequested(@JsonUnwrapped WorkOrderFacts facts, int amount, String unit, String reason,
            Instant requestedAt) {
    }

    /** {@code workorder.extension-decided} by the dispatcher; when approved the deadline moves. */
    public record ExtensionDecided(@JsonUnwrapped WorkOrderFacts facts, boolean approved, int amount, String unit,
            String comment, Instant decidedAt) {
    }

    /**
     * {@code workorder.replied} (答复) by the lead (the order's reply) or a helper (its part); {@code mergedOrderIds}
     * are the orders merged into this one, which get the same reply.
     */
    public record Replied(@JsonUnwrapped WorkOrderFacts facts, String department, Assignment.Role role,
            Instant repliedAt, boolean onTime, List<String> mergedOrderIds) {
    }

    /** {@code workorder.callback-recorded} (回访). */
    public record CallbackRecorded(@JsonUnwrapped WorkOrderFacts facts, CallbackResult result,
            int unsatisfiedCount, Instant calledBackAt) {
    }

    /** {@code workorder.closed} (办结); {@code outcome}: the callback result, or ANSWERED. */
    public record Closed(@JsonUnwrapped WorkOrderFacts facts, String outcome, Instant closedAt) {
    }

    /** {@code workorder.reopened} (重办) on a new reply deadline. */
    public record Reopened(@JsonUnwrapped WorkOrderFacts facts, String reason, Instant reopenedAt) {
    }

    /** {@code workorder.escalated}: sent to supervision (督办), e.g. after a second unsatisfied callback. */
    public record Escalated(@JsonUnwrapped WorkOrderFacts facts, String reason, Instant escalatedAt) {
    }

    /** {@code workorder.merged} (合并) into {@code primaryOrderNo}, which is handled for both. */
    public record Merged(@JsonUnwrapped WorkOrderFacts facts, String primaryOrderId, String primaryOrderNo,
            Instant mergedAt) {
    }
}
