package dev.onewindow.casehandling.cases;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.onewindow.platform.calendar.ClockLevel;
import dev.onewindow.platform.calendar.ClockThresholds;
import dev.onewindow.platform.calendar.WorkClock;
import dev.onewindow.platform.calendar.WorkingDayCalendar;

/**
 * The instants at which a case's clock turns yellow and red, stored with the case so the department worklist can
 * filter and sort by level through an index instead of computing every clock. The clock decides: it is red after
 * {@link WorkClock#dueAt}, and {@link WorkClock#yellowAt} says when it turns yellow. {@link Index#levelAt} is the one
 * reading of the stored instants (the worklist query in {@code CaseQueries} compares the same way).
 *
 * <p>A paused clock cannot change level (and its due instant moves with the pause), so its level itself is stored. A
 * stopped clock has no level at all — the case has ended and says how ({@link ClockSnapshot#finished}) — so nothing
 * is stored for it and a closed case is in no level filter.
 */
final class DeadlineLevels {

    private DeadlineLevels() {
    }

    /** What the worklist index stores for a clock at {@code now}; all null before acceptance and once stopped. */
    record Index(Instant dueAt, Instant yellowAt, ClockLevel pausedLevel) {

        static final Index NONE = new Index(null, null, null);

        /**
         * The level the index gives at {@code now} (the worklist query's comparisons); {@code null} when it gives
         * none (no clock yet, or a stopped one).
         */
        ClockLevel levelAt(Instant now) {
            if (pausedLevel != null) {
                return pausedLevel;
            }
            if (dueAt != null && now.isAfter(dueAt)) {
                return ClockLevel.RED;
            }
            if (yellowAt == null) {
                return null;
            }
            return now.isBefore(yellowAt) ? ClockLevel.GREEN : ClockLevel.YELLOW;
        }
    }

    static Index of(WorkClock clock, WorkingDayCalendar calendar, ClockThresholds thresholds, Instant now) {
        if (clock == null) {
            return Index.NONE;
        }
        if (clock.stopped()) {
            return Index.NONE;
        }
        Instant dueAt = clock.dueAt(calendar, now);
        if (clock.paused()) {
            return new Index(dueAt, null, clock.level(calendar, now, thresholds));
        }
        return new Index(dueAt, storable(clock.yellowAt(calendar, now, thresholds), now), null);
    }

    /**
     * The yellow instant as MongoDB can store it (to the millisecond): the next whole millisecond, which is yellow
     * as well (the level only rises while the clock runs) while the one before it is not; a clock already yellow at
     * {@code now} is stored as yellow from {@code now}'s millisecond.
     */
    private static Instant storable(Instant yellowAt, Instant now) {
        Instant millis = yellowAt.truncatedTo(ChronoUnit.MILLIS);
        return millis.equals(yellowAt) || !yellowAt.isAfter(now) ? millis : millis.plusMillis(1);
    }
}
