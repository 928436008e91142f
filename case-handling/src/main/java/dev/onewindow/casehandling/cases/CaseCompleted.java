package dev.onewindow.casehandling.cases;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * {@code case.completed} (办结): the result was delivered; {@code licenseId} when it is an e-license; {@code onTime}
 * whether the clock finished by its due instant (null for a bundle parent).
 */
public record CaseCompleted(@JsonUnwrapped CaseFacts facts, String licenseId, Boolean onTime) {
}
