package dev.onewindow.supervision.kpi;

/** The counters the KPIs are computed from, each kept by {@code $inc} as the events arrive (never by a recount). */
public enum Metric {
    CASES_COMPLETED, CASES_ON_TIME, CASES_LATE,
    /** Working days (24 h of working time each) from acceptance to completion, pauses excluded, summed. */
    HANDLING_WORKING_DAYS, HANDLING_MEASURED,
    /** Cases of 4-depth (全程网办) entries completed, and those of them taken on an online channel. */
    DEPTH4_COMPLETED, DEPTH4_ONLINE,
    SIGNS, SIGNS_ON_TIME, REPLIES, REPLIES_ON_TIME,
    CALLBACKS, CALLBACKS_SATISFIED,
    RATINGS, RATINGS_SATISFIED, BAD_RATINGS, RECTIFICATIONS_COMPLETED, RECTIFIED_ON_TIME,
    COMPLAINTS, COMPLAINTS_SATISFIED_ON_TIME;

    /** The counter's field name in the stored document. */
    public String field() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
