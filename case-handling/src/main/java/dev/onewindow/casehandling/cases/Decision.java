package dev.onewindow.casehandling.cases;

import java.time.Instant;

/** The decision on a case: approval (准予) or denial (不予许可, with reason and remedy notice 救济途径). */
public record Decision(CaseStatus outcome, String reason, String remedy, String comment, Instant at, String by,
        boolean automatic) {
}
