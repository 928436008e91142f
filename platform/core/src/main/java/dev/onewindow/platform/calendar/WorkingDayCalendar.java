package dev.onewindow.platform.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The working-day calendar (工作日历): Monday–Friday, minus statutory holidays, plus make-up working days, with the
 * exceptions held per year as {@link CalendarYear} data.
 *
 * <p><b>Years without data fall back to plain Monday–Friday.</b> The State Council publishes a year's arrangement
 * only weeks before it starts, so a deadline that reaches into an unpublished year must still be computable; it is
 * recomputed (and moves) once the year is loaded, which is why derived values such as due instants are never stored
 * as the source of truth.
 *
 * <p>Instances are immutable and thread-safe; {@link #withYear(CalendarYear)} returns a new calendar, so a service can
 * swap its cached calendar atomically when service-catalog publishes {@code CalendarUpdated}.
 *
 * <p>"Working time" ({@link #workingTimeBetween}, {@link #plusWorkingTime}) is the time-line on which the deadline
 * clock counts: every working day contributes its whole calendar day (00:00–24:00 in {@link #ZONE}), every other day
 * contributes nothing.
 */
public final class WorkingDayCalendar {

    /** The zone in which calendar days begin and end: the whole suite runs on China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final WorkingDayCalendar WEEKDAYS_ONLY = new WorkingDayCalendar(new TreeMap<>());

    private final SortedMap<Integer, CalendarYear> years;

    private WorkingDayCalendar(SortedMap<Integer, CalendarYear> years) {
        this.years = Collections.unmodifiableSortedMap(years);
    }

    /** A calendar without any year data: every year is plain Monday–Friday. */
    public static WorkingDayCalendar weekdaysOnly() {
        return WEEKDAYS_ONLY;
    }

    /**
     * A calendar holding the given years.
     *
     * @throws IllegalArgumentException if the same year is given twice
     */
    public static WorkingDayCalendar of(Collection<CalendarYear> years) {
        TreeMap<Integer, CalendarYear> byYear = new TreeMap<>();
        for (CalendarYear year : years) {
            if (byYear.put(year.year(), year) != null) {
                throw new IllegalArgumentException("year " + year.year() + " given twice");
            }
        }
        return new WorkingDayCalendar(byYear);
    }

    /** @see #of(Collection) */
    public static WorkingDayCalendar of(CalendarYear... years) {
        return of(Arrays.asList(years));
    }

    /** A copy of this calendar with {@code year} added, or replacing the data held for the same year. */
    public WorkingDayCalendar withYear(CalendarYear year) {
        Objects.requireNonNull(year, "year");
        TreeMap<Integer, CalendarYear> copy = new TreeMap<>(years);
        copy.put(year.year(), year);
        return new WorkingDayCalendar(copy);
    }

    /** A copy of this calendar without data for {@code year} (which then falls back to Monday–Friday). */
    public WorkingDayCalendar withoutYear(int year) {
        TreeMap<Integer, CalendarYear> copy = new TreeMap<>(years);
        copy.remove(year);
        return new WorkingDayCalendar(copy);
    }

    /** The years this calendar holds data for, ascending. */
    public Set<Integer> years() {
        return years.keySet();
    }

    /** The data held for {@code year}, if any. */
    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /** Whether {@code date} is a working day (Monday–Friday when its year has no data). */
    public boolean isWorkingDay(LocalDate date) {
        CalendarYear year = years.get(date.getYear());
        return year != null ? year.isWorkingDay(date) : CalendarYear.isPlainWeekday(date);
    }

    /** {@code date} itself if it is a working day, else the first working day after it. */
    public LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * The {@code n}-th working day after {@code from}; {@code from} itself is not counted (期间开始之日不计算在内).
     * For {@code n = 0} this is {@code from} when it is a working day, else the next working day — the day by which
     * an immediate item (即办件) must be done.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (n == 0) {
            return nextWorkingDayOnOrAfter(from);
        }
        LocalDate day = from;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The number of working days {@code d} with {@code from < d <= to}; 0 when {@code to} is not after {@code from}. */
    public int countWorkingDays(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The working time between two instants: the part of {@code [from, to)} that lies on working days.
     * Zero when {@code to} is not after {@code from}.
     */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        ZonedDateTime cursor = from.atZone(ZONE);
        while (cursor.toInstant().isBefore(to)) {
            ZonedDateTime nextDayStart = startOfNextDay(cursor);
            if (isWorkingDay(cursor.toLocalDate())) {
                Instant segmentEnd = min(nextDayStart.toInstant(), to);
                total = total.plus(Duration.between(cursor.toInstant(), segmentEnd));
            }
            cursor = nextDayStart;
        }
        return total;
    }

    /**
     * The instant at which {@code amount} of working time has passed since {@code from}. A result that lands exactly
     * on the end of a working day is that day's 24:00 (the next day's 00:00), not the start of the next working day:
     * "due by the end of Tuesday" stays Tuesday's deadline even when Wednesday is a holiday.
     *
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    public Instant plusWorkingTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return from;
        }
        Duration left = amount;
        ZonedDateTime cursor = from.atZone(ZONE);
        while (true) {
            ZonedDateTime nextDayStart = startOfNextDay(cursor);
            if (isWorkingDay(cursor.toLocalDate())) {
                Duration available = Duration.between(cursor, nextDayStart);
                if (left.compareTo(available) <= 0) {
                    return cursor.toInstant().plus(left);
                }
                left = left.minus(available);
            }
            cursor = nextDayStart;
        }
    }

    /** The instant a calendar day ends (24:00 in {@link #ZONE}, i.e. the next day's start). */
    public static Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    private static ZonedDateTime startOfNextDay(ZonedDateTime time) {
        return time.toLocalDate().plusDays(1).atStartOfDay(ZONE);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WorkingDayCalendar calendar && years.equals(calendar.years);
    }

    @Override
    public int hashCode() {
        return years.hashCode();
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar" + years.keySet();
    }
}
