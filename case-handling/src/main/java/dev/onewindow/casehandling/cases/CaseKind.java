package dev.onewindow.casehandling.cases;

/** A case for one entry, the parent of a 一件事 bundle, or one member (child) of a bundle. */
public enum CaseKind {
    SINGLE, BUNDLE, BUNDLE_MEMBER
}
