package dev.onewindow.hotline.orders;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.onewindow.platform.calendar.ClockLevel;
import dev.onewindow.platform.calendar.ClockThresholds;
import dev.onewindow.platform.calendar.WorkClock;
import dev.onewindow.platform.calendar.WorkingDayCalendar;

/**
 * The deadline an order is on now, as shown to people and carried on events: which step is due (sign, reply or call
 * back), its clock (so a consumer such as supervision can recompute the due instant on its own calendar) and, at one
 * instant, the due instant, level (红黄绿灯) and remaining time.
 */
public record Deadline(Phase phase, Instant startedAt, int limit, String unit, List<Added> extensions,
        Instant dueAt, ClockLevel level, Duration remaining) {

    /** What is due. */
    public enum Phase { SIGN, REPLY, CALLBACK }

    /** An approved extension, in the clock's unit. */
    public record Added(int amount, String unit, Instant at) {
    }

    static Deadline of(Phase phase, WorkClock clock, WorkingDayCalendar calendar, ClockThresholds thresholds,
            Instant now) {
        return new Deadline(phase, clock.startedAt(), clock.limit().amount(), clock.limit().unit().name(),
                clock.extensions().stream().map(e -> new Added(e.added().amount(), e.added().unit().name(), e.at()))
                        .toList(),
                clock.dueAt(calendar, now), clock.level(calendar, now, thresholds), clock.remaining(calendar, now));
    }
}
