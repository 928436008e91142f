package dev.onewindow.casehandling.cases;

import java.time.Duration;
import java.time.Instant;

import dev.onewindow.platform.calendar.WorkClock;
import dev.onewindow.platform.calendar.WorkingDayCalendar;

/**
 * How many working days late something finished, rounded up: the counted time past the limit in working days of
 * 24 h, at least one when it was late at all (finished on a day off right after the due day is one working day late).
 */
final class Lateness {

    private static final long DAY_SECONDS = Duration.ofDays(1).getSeconds();

    private Lateness() {
    }

    /** A stopped clock's lateness; {@code null} when it finished on time. */
    static Integer of(WorkClock stopped, WorkingDayCalendar calendar) {
        if (stopped.finishedOnTime(calendar)) {
            return null;
        }
        return workingDays(stopped.remaining(calendar, stopped.stoppedAt()).negated());
    }

    /** Lateness against a plain deadline (the acceptance window); {@code null} when {@code at} is not after it. */
    static Integer of(Instant due, Instant at, WorkingDayCalendar calendar) {
        if (!at.isAfter(due)) {
            return null;
        }
        return workingDays(calendar.workingTimeBetween(due, at));
    }

    private static int workingDays(Duration over) {
        long seconds = Math.max(0, over.getSeconds() + (over.getNano() > 0 ? 1 : 0));
        return (int) Math.max(1, (seconds + DAY_SECONDS - 1) / DAY_SECONDS);
    }
}
