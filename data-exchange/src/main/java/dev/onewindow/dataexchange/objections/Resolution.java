package dev.onewindow.dataexchange.objections;

/** How the providing department answered an objection (校核结果). */
public enum Resolution {
    /** The record was wrong and is corrected at the source (a dataset is pushed again). */
    CORRECTED,
    /** The record was checked and is right as it stands. */
    CONFIRMED
}
