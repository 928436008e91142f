package dev.onewindow.casehandling.cases;

import java.time.Duration;
import java.time.Instant;

import dev.onewindow.platform.calendar.ClockLevel;
import dev.onewindow.platform.calendar.WorkClock;

/**
 * What a case's clock shows at one instant (computed on read — the calendar can change, so nothing derived is
 * trusted from storage): level 红黄绿灯, due instant, remaining working time (negative when overdue), paused. Once the
 * case has ended the clock is stopped and shows how it ended instead of a level: {@code finished} ON_TIME or LATE,
 * and when late by how many working days (rounded up).
 */
public record ClockSnapshot(Instant startedAt, int limitWorkingDays, int extensionWorkingDays, ClockLevel level,
        Instant dueAt, Duration remaining, boolean paused, String pauseReason, boolean stopped, Boolean onTime,
        Finish finished, Integer lateWorkingDays) {

    /** How a stopped clock ended. */
    public enum Finish { ON_TIME, LATE }

    public static ClockSnapshot of(WorkClock clock, CaseRules rules, Instant now) {
        if (clock == null) {
            return null;
        }
        boolean stopped = clock.stopped();
        Boolean onTime = stopped ? clock.finishedOnTime(rules.calendar()) : null;
        return new ClockSnapshot(clock.startedAt(), clock.limit().amount(),
                clock.extensions().stream().mapToInt(e -> e.added().amount()).sum(),
                stopped ? null : clock.level(rules.calendar(), now, rules.thresholds()),
                clock.dueAt(rules.calendar(), now), clock.remaining(rules.calendar(), now), clock.paused(),
                clock.currentPause().map(p -> p.reason()).orElse(null), stopped, onTime,
                onTime == null ? null : onTime ? Finish.ON_TIME : Finish.LATE,
                stopped ? Lateness.of(clock, rules.calendar()) : null);
    }

    /** For display: remaining working time in working days (24 h of working time each), one decimal. */
    public double remainingWorkingDays() {
        return Math.round(remaining.toMinutes() / 144.0) / 10.0;
    }
}
