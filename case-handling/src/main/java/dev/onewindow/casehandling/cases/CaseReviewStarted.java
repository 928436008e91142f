package dev.onewindow.casehandling.cases;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * {@code case.review-started} (审查, added within v1): a reviewer took the accepted case into review
 * ({@code ACCEPTED → IN_REVIEW}). The entry's first process step (受理) ends and the review step begins — what
 * supervision watches each step's own limit (环节时限) by.
 */
public record CaseReviewStarted(@JsonUnwrapped CaseFacts facts, Instant reviewStartedAt) {
}
