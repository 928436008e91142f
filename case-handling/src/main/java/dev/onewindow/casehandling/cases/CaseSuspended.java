package dev.onewindow.casehandling.cases;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** {@code case.suspended} (特别程序): the clock pauses. */
public record CaseSuspended(@JsonUnwrapped CaseFacts facts, String procedure, String reason) {
}
