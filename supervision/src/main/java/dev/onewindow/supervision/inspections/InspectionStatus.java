package dev.onewindow.supervision.inspections;

/** ANNOUNCED: rosters frozen and the seed's hash published; DRAWN: seed and selection published; PUBLISHED: results. */
public enum InspectionStatus {
    ANNOUNCED, DRAWN, PUBLISHED
}
