package dev.onewindow.evaluation.ratings;

/**
 * When a matter is rated (一次一评, 一事一评): right after acceptance for on-site service (window, kiosk), and at the
 * end (办结) for every case and work order. One rating per matter and stage.
 */
public enum Stage {
    ACCEPTANCE, COMPLETION
}
