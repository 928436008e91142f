package dev.onewindow.casehandling.cases;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * {@code case.submitted}: an application came in (申报); for a bundle parent {@code implementationCode} is null and
 * {@code bundleCode} names the bundle.
 */
public record CaseSubmitted(@JsonUnwrapped CaseFacts facts, String itemName, Instant submittedAt,
        Instant acceptanceDueAt, List<String> materialCodes, AutoApprovalOutcome autoApproval) {
}
