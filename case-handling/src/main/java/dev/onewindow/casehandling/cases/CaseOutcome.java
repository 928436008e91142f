package dev.onewindow.casehandling.cases;

/**
 * How a decided case ended (办结), as {@code case.completed} says it: approved and its result delivered, denied
 * (不予许可), or rejected at acceptance (不予受理). A withdrawal is no decision and has no outcome.
 */
public enum CaseOutcome {
    APPROVED,
    DENIED,
    REJECTED
}
