package dev.onewindow.casehandling.cases;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * {@code case.supplemented}: the applicant supplied what was asked; {@code status} says where the case went back to.
 */
public record CaseSupplemented(@JsonUnwrapped CaseFacts facts, List<String> materialCodes) {
}
