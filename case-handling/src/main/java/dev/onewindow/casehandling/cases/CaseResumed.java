package dev.onewindow.casehandling.cases;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** {@code case.resumed}: the special procedure ended, review and the clock go on. */
public record CaseResumed(@JsonUnwrapped CaseFacts facts) {
}
