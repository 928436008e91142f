package dev.onewindow.casehandling.cases;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** {@code case.accepted} (受理): the clock starts; {@code acceptedLate} when the acceptance window had passed. */
public record CaseAccepted(@JsonUnwrapped CaseFacts facts, Instant acceptedAt, int limitWorkingDays, boolean automatic,
        boolean acceptedLate) {
}
