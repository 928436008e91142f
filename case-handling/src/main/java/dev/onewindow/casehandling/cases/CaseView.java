package dev.onewindow.casehandling.cases;

import java.time.Instant;
import java.util.Map;

/**
 * A case as read at one instant by one reader: the stored case plus what its clock and acceptance window show now,
 * and its form as this reader may see it (personal fields in full for the handling department's officers, masked
 * for everyone else; null in lists, which show no form).
 */
public record CaseView(Case value, ClockSnapshot clock, boolean acceptanceOverdue, Map<String, Object> form) {

    static CaseView of(Case c, CaseRules rules, Instant now, Map<String, Object> form) {
        return new CaseView(c, ClockSnapshot.of(c.clock(), rules, now), c.acceptanceOverdue(now), form);
    }
}
