package dev.onewindow.casehandling.cases;

import java.time.Instant;
import java.util.List;

/**
 * The result of evaluating an entry's 秒批 rule set at submission: which version of the rules was applied and, when
 * any failed, which ones and why (the case then takes the manual path).
 */
public record AutoApprovalOutcome(String ruleSetVersion, boolean passed, List<FailedRule> failedRules,
        Instant evaluatedAt) {

    public AutoApprovalOutcome {
        failedRules = failedRules == null ? List.of() : List.copyOf(failedRules);
    }

    /** {@code subject} is the license type or form field the rule is about. */
    public record FailedRule(String type, String subject, String reason) {
    }
}
