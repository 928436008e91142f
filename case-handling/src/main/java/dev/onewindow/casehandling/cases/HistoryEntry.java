package dev.onewindow.casehandling.cases;

import java.time.Instant;

/** One step of a case's history: who, when, from which state to which, and why. */
public record HistoryEntry(Instant at, String actorId, String actorName, String actorRole, String action,
        CaseStatus from, CaseStatus to, String comment) {
}
