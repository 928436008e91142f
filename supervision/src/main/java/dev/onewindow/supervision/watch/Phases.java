package dev.onewindow.supervision.watch;

/** The clocks a watched matter can have, by name. */
public final class Phases {

    /** A case between submission and acceptance (受理期限). */
    public static final String ACCEPTANCE = "ACCEPTANCE";
    /** A case from acceptance to completion (承诺时限). */
    public static final String HANDLING = "HANDLING";
    /**
     * A case's process steps (环节时限, the catalog entry version's {@code steps}): the first step from acceptance to
     * the start of review ({@code STEP1}); the further steps together from the start of review to the decision
     * ({@code STEP2}) — case-handling has no state between review and decision. An entry of one step: {@code STEP1}
     * from acceptance to the decision.
     */
    public static final String STEP1 = "STEP1";
    public static final String STEP2 = "STEP2";
    /** A work order's steps (hotline-12345 names them). */
    public static final String SIGN = "SIGN";
    public static final String REPLY = "REPLY";
    public static final String CALLBACK = "CALLBACK";
    /** A rectification (one per round). */
    public static final String RECTIFICATION = "RECTIFICATION";
    /** A conditional share request's decision. */
    public static final String DECISION = "DECISION";
    /** An objection's answer. */
    public static final String ANSWER = "ANSWER";
    /** An inspection's publication of results. */
    public static final String PUBLICATION = "PUBLICATION";

    private Phases() {
    }
}
