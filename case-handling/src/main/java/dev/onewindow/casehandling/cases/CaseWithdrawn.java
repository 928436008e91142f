package dev.onewindow.casehandling.cases;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** {@code case.withdrawn} (撤回) by the applicant before a decision. */
public record CaseWithdrawn(@JsonUnwrapped CaseFacts facts, String reason) {
}
