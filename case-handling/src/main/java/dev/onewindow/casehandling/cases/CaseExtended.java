package dev.onewindow.casehandling.cases;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** {@code case.extended} (延期), approved by an approver; {@code dueAt} is the new due instant. */
public record CaseExtended(@JsonUnwrapped CaseFacts facts, int workingDays, String reason) {
}
