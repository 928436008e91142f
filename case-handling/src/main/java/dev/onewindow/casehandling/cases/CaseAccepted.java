package dev.onewindow.casehandling.cases;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * {@code case.accepted} (受理): the clock starts; {@code acceptedLate} when the acceptance window had passed, and then
 * {@code deemedAcceptedAt}: the case counts as accepted from the day its materials arrived (行政许可法 §32), and the
 * clock started then (null when accepted in time, or when deemed acceptance is switched off).
 */
public record CaseAccepted(@JsonUnwrapped CaseFacts facts, Instant acceptedAt, int limitWorkingDays, boolean automatic,
        boolean acceptedLate, Instant deemedAcceptedAt) {
}
