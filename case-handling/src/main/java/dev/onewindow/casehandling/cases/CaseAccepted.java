package dev.onewindow.casehandling.cases;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * {@code case.accepted} (受理): the clock starts; {@code acceptedLate} when the acceptance window had passed, and then
 * {@code deemedAcceptedAt}: the case counts as accepted from the day its materials arrived (行政许可法 §32), and the
 * clock started then (null when accepted in time, or when deemed acceptance is switched off). {@code steps} (added
 * within v1): the entry version's process steps (环节) with their own limits, for supervision's step clocks.
 */
public record CaseAccepted(@JsonUnwrapped CaseFacts facts, Instant acceptedAt, int limitWorkingDays, boolean automatic,
        boolean acceptedLate, Instant deemedAcceptedAt, List<EntrySnapshot.Step> steps) {
}
