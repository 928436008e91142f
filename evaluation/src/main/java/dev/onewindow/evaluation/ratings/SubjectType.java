package dev.onewindow.evaluation.ratings;

/** What is rated: a case (办件) of case-handling or a 12345 work order of hotline-12345. */
public enum SubjectType {
    CASE, WORK_ORDER
}
