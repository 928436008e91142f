package dev.onewindow.evaluation.statistics;

/** What the statistics are kept per: everything, a department, an implementation entry, an officer, a channel. */
public enum Dimension {
    ALL, DEPARTMENT, ENTRY, OFFICER, CHANNEL
}
