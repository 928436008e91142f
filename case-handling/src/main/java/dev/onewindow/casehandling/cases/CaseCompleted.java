package dev.onewindow.casehandling.cases;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * {@code case.completed} (办结): the case ended with a decision — approved and its result delivered ({@code licenseId}
 * when it is an e-license), denied, or rejected at acceptance; exactly one per decided case. {@code outcome} says
 * which; {@code onTime} whether the clock finished by its due instant (for a rejection: within the acceptance window;
 * null for a bundle parent), and {@code lateWorkingDays} by how many working days it was late (rounded up; null when
 * on time). The case's status stays {@code DENIED} or {@code REJECTED}: the event is what consumers count.
 */
public record CaseCompleted(@JsonUnwrapped CaseFacts facts, String licenseId, Boolean onTime, CaseOutcome outcome,
        Integer lateWorkingDays) {
}
