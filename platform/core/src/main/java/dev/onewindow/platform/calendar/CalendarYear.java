package dev.onewindow.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One year of the working-day calendar: the statutory holidays (法定节假日, days off even if they fall on a weekday)
 * and the make-up working days (调休上班, a Saturday or Sunday that is worked).
 *
 * <p>Every other day follows the plain rule: Monday–Friday work, Saturday and Sunday off. Holidays that fall on a
 * weekend are allowed (the State Council lists whole festival blocks such as 2026-02-15..23) and simply change
 * nothing for those days.
 *
 * <p>The sets are copied into unmodifiable sorted sets, so an instance is immutable. The public canonical
 * constructor is what persistence mapping (e.g. Spring Data MongoDB) calls.
 *
 * @param year the calendar year, e.g. 2026
 * @param holidays days off; each inside {@code year}
 * @param makeUpWorkingDays Saturdays or Sundays that are working days; each inside {@code year}, none a holiday
 */
public record CalendarYear(int year, SortedSet<LocalDate> holidays, SortedSet<LocalDate> makeUpWorkingDays) {

    /** The range {@link LocalDate} and the rest of this package handle safely. */
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 9999;

    public CalendarYear {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("year must be between " + MIN_YEAR + " and " + MAX_YEAR + ": " + year);
        }
        holidays = immutableCopy(holidays, "holidays");
        makeUpWorkingDays = immutableCopy(makeUpWorkingDays, "makeUpWorkingDays");
        requireInsideYear(year, holidays, "holiday");
        requireInsideYear(year, makeUpWorkingDays, "make-up working day");
        for (LocalDate day : makeUpWorkingDays) {
            if (holidays.contains(day)) {
                throw new IllegalArgumentException(day + " is listed both as a holiday and as a make-up working day");
            }
            // A weekday is a working day anyway; listing one as "make-up" is a data-entry error we want to catch.
            if (!isWeekend(day)) {
                throw new IllegalArgumentException(
                        "make-up working day " + day + " is a " + day.getDayOfWeek() + ", expected a Saturday or Sunday");
            }
        }
    }

    /** Convenience factory taking any collections (e.g. lists from a form or a parser). */
    public static CalendarYear of(int year, Collection<LocalDate> holidays, Collection<LocalDate> makeUpWorkingDays) {
        return new CalendarYear(year, new TreeSet<>(holidays), new TreeSet<>(makeUpWorkingDays));
    }

    /** A year without special days: plain Monday–Friday. */
    public static CalendarYear weekdaysOnly(int year) {
        return new CalendarYear(year, new TreeSet<>(), new TreeSet<>());
    }

    /**
     * Whether {@code date} is a working day in this year.
     *
     * @throws IllegalArgumentException if {@code date} is not in this year
     */
    public boolean isWorkingDay(LocalDate date) {
        if (date.getYear() != year) {
            throw new IllegalArgumentException(date + " is not in " + year);
        }
        if (holidays.contains(date)) {
            return false;
        }
        return makeUpWorkingDays.contains(date) || isPlainWeekday(date);
    }

    /** The fallback rule when nothing special is known about a day: Monday–Friday. */
    static boolean isPlainWeekday(LocalDate date) {
        return !isWeekend(date);
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private static SortedSet<LocalDate> immutableCopy(Collection<LocalDate> days, String name) {
        Objects.requireNonNull(days, name);
        TreeSet<LocalDate> copy = new TreeSet<>();
        for (LocalDate day : days) {
            copy.add(Objects.requireNonNull(day, () -> name + " must not contain null"));
        }
        return Collections.unmodifiableSortedSet(copy);
    }

    private static void requireInsideYear(int year, SortedSet<LocalDate> days, String what) {
        for (LocalDate day : days) {
            if (day.getYear() != year) {
                throw new IllegalArgumentException(what + " " + day + " is not in " + year);
            }
        }
    }
}
