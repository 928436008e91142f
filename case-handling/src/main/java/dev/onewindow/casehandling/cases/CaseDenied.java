package dev.onewindow.casehandling.cases;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** {@code case.denied} (不予许可) with the reason and the remedy notice (救济途径). */
public record CaseDenied(@JsonUnwrapped CaseFacts facts, String reason, String remedy) {
}
