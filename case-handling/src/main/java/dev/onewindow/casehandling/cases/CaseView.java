package dev.onewindow.casehandling.cases;

/** A case as read at one instant: the stored case plus what its clock and acceptance window show now. */
public record CaseView(Case value, ClockSnapshot clock, boolean acceptanceOverdue) {
}
