package dev.onewindow.casehandling.cases;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** {@code case.rejected} (不予受理) with the reason. */
public record CaseRejected(@JsonUnwrapped CaseFacts facts, String reason) {
}
