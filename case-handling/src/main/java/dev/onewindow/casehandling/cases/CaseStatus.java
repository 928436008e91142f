package dev.onewindow.casehandling.cases;

/** States of a case (docs/domain.md, case-handling: who moves a case from which state to which). */
public enum CaseStatus {
    /** 申报: waiting for a window officer. */
    SUBMITTED(0),
    /** 补正: waiting for the applicant (before acceptance, or during review with the clock paused). */
    SUPPLEMENT_REQUIRED(1),
    /** 受理: the clock runs. */
    ACCEPTED(2),
    /** 审查. */
    IN_REVIEW(3),
    /** 特别程序 (hearing, testing, expert review): the clock is paused. */
    SUSPENDED(4),
    /** 准予: waiting for the result (an e-license) to be issued. */
    APPROVED(5),
    /** 不予受理 (terminal). */
    REJECTED(-1),
    /** 不予许可 (terminal): the decision, with reason and remedy notice, ends the handling. */
    DENIED(-1),
    /** 办结: result delivered (terminal). */
    COMPLETED(-1),
    /** 撤回 by the applicant before a decision (terminal). */
    WITHDRAWN(-1);

    private final int progress;

    CaseStatus(int progress) {
        this.progress = progress;
    }

    public boolean terminal() {
        return progress < 0;
    }

    /** Before a decision (准予/不予许可): the applicant may still withdraw. */
    public boolean undecided() {
        return progress >= 0 && this != APPROVED;
    }

    /** How far an open case has come; used to summarise a bundle by its least advanced member. */
    int progress() {
        return progress;
    }
}
