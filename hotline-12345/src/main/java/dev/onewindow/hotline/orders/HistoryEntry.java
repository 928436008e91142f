package dev.onewindow.hotline.orders;

import java.time.Instant;

/** One step of an order's history: who, when, from which state to which, for which department, and why. */
public record HistoryEntry(Instant at, String actorId, String actorName, String actorRole, String action,
        WorkOrderStatus from, WorkOrderStatus to, String department, String comment) {
}
