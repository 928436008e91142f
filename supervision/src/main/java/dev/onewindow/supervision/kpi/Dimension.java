package dev.onewindow.supervision.kpi;

/** What a counter is kept per: a department, a region, or the whole city ({@code ALL}). */
public enum Dimension {
    DEPARTMENT, REGION, ALL
}
