package dev.onewindow.platform.calendar;

import java.time.Duration;
import java.util.Objects;

/**
 * A time limit (时限): N working days (the normal case: cases, rectifications, normal work orders) or N wall-clock
 * hours or minutes (urgent and high-priority hotline orders, which do not wait for Monday: an urgent order is signed
 * for within 30 minutes).
 *
 * @param amount number of units; 0 working days is allowed and means "the same working day" (即办件); an hours limit
 *               must be at least 1 hour
 * @param unit   what {@code amount} counts
 */
public record Limit(int amount, Unit unit) {

    /** What a {@link Limit} counts. */
    public enum Unit {
        /** Working days of the {@link WorkingDayCalendar}; each contributes 24 hours of working time. */
        WORKING_DAYS,
        /** Wall-clock hours; holidays and nights count like any other time. */
        HOURS,
        /** Wall-clock minutes, for limits shorter than an hour; counted like {@link #HOURS}. */
        MINUTES;

        /** Whether the unit counts wall time (every hour of every day) rather than working time. */
        public boolean wallTime() {
            return this != WORKING_DAYS;
        }
    }

    public Limit {
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + amount);
        }
        if (unit.wallTime() && amount == 0) {
            throw new IllegalArgumentException("a wall-time limit must be at least 1 " + unit);
        }
    }

    /** N working days; 0 = complete on the same working day (即办件). */
    public static Limit workingDays(int amount) {
        return new Limit(amount, Unit.WORKING_DAYS);
    }

    /** N wall-clock hours. */
    public static Limit hours(int amount) {
        return new Limit(amount, Unit.HOURS);
    }

    /** N wall-clock minutes. */
    public static Limit minutes(int amount) {
        return new Limit(amount, Unit.MINUTES);
    }

    /** The wall time this limit stands for; only for wall-time units. */
    public Duration wallDuration() {
        if (!unit.wallTime()) {
            throw new IllegalStateException("working days have no fixed length in wall time");
        }
        return asDuration();
    }

    /**
     * The time this limit adds on its own time-line: working time for working days (24 h each), wall time for hours.
     * (The initial budget of a working-days clock also includes the rest of its start day; see {@link WorkClock}.)
     */
    Duration asDuration() {
        return switch (unit) {
            case HOURS -> Duration.ofHours(amount);
            case MINUTES -> Duration.ofMinutes(amount);
            case WORKING_DAYS -> Duration.ofDays(amount);
        };
    }
}
