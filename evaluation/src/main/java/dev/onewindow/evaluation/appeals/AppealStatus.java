package dev.onewindow.evaluation.appeals;

/** Waiting for the eval-admin (复核), or decided. */
public enum AppealStatus {
    PENDING, UPHELD, REJECTED
}
