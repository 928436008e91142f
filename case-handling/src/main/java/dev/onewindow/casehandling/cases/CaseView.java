package dev.onewindow.casehandling.cases;

import java.time.Instant;

/** A case as read at one instant: the stored case plus what its clock and acceptance window show now. */
public record CaseView(Case value, ClockSnapshot clock, boolean acceptanceOverdue) {

    static CaseView of(Case c, CaseRules rules, Instant now) {
        return new CaseView(c, ClockSnapshot.of(c.clock(), rules, now), c.acceptanceOverdue(now));
    }
}
