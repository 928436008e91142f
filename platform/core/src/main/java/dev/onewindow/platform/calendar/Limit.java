package dev.onewindow.platform.calendar;

import java.time.Duration;
import java.util.Objects;

/**
 * A time limit (时限): N working days (the normal case: cases, rectifications, normal work orders) or N wall-clock
 * hours (urgent and high-priority hotline orders, which do not wait for Monday).
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
        HOURS
    }

    public Limit {
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + amount);
        }
        if (unit == Unit.HOURS && amount == 0) {
            throw new IllegalArgumentException("an hours limit must be at least 1 hour");
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

    /**
     * The time this limit adds on its own time-line: working time for working days (24 h each), wall time for hours.
     * (The initial budget of a working-days clock also includes the rest of its start day; see {@link WorkClock}.)
     */
    Duration asDuration() {
        return unit == Unit.HOURS ? Duration.ofHours(amount) : Duration.ofDays(amount);
    }
}
