package dev.onewindow.supervision.watch;

import dev.onewindow.supervision.Source;
import java.time.Instant;

/**
 * The data of the alert aggregate's events (topic {@code supervision.alert.events.v1}, key = alert id). They name the
 * matter by its id and number, its region and department — never a person.
 */
public final class AlertEvents {

    private AlertEvents() {
    }

    /** An alert was raised: once per clock and level, or once per flag. */
    public record Raised(String alertId, AlertKind kind, String level, Source source, String subjectId,
            String subjectNo, String phase, int round, String region, String department, Instant dueAt,
            Instant raisedAt) {
    }

    /** A clock alert was cleared because its clock stopped. */
    public record Cleared(String alertId, AlertKind kind, String level, Source source, String subjectId,
            String phase, int round, String region, String department, boolean stoppedOnTime, Instant clearedAt) {
    }
}
