package dev.onewindow.supervision.kpi;

import java.time.Instant;
import java.util.Map;

/**
 * What one applied event adds to the KPI counters: increments for the counters of a department, its region and the
 * city in the month of {@code at}. It is stored in the watched matter in the same save as the event's effects and
 * applied from there; {@code changeId} is the mark each counter keeps while the change is not yet acknowledged, so a
 * change applied again (after a crash, by the sweep) counts once.
 */
public record CountChange(String changeId, Instant at, String department, String region,
        Map<Metric, Double> increments) {
}
