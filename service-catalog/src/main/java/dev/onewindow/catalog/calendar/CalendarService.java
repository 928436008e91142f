package dev.onewindow.catalog.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.onewindow.catalog.limits.Limits;
import dev.onewindow.platform.calendar.BundledCalendars;
import dev.onewindow.platform.calendar.CalendarYear;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.domain.FieldViolation;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The authoritative working-day calendar. The official arrangements bundled with the platform are stored on first
 * start; admins then maintain years here, and reads are served from an in-memory copy refreshed on every change.
 *
 * <p>It answers for the years it can be read and maintained for, {@link Limits#YEAR_MIN} to {@link Limits#YEAR_MAX}
 * ({@link #FIRST} to {@link #LAST}): a date outside them is refused as {@code DATE_OUT_OF_RANGE}, whether it is asked
 * about or would be the answer, so no answer is ever a date the calendar could not hold data for.
 */
@Service
public class CalendarService {

    /** The first and the last date the calendar answers for. */
    public static final LocalDate FIRST = LocalDate.of(Limits.YEAR_MIN, 1, 1);
    public static final LocalDate LAST = LocalDate.of(Limits.YEAR_MAX, 12, 31);
    /** Ten years of working days: beyond that no deadline in OneWindow reaches. */
    public static final int MAX_WORKING_DAYS = 2500;
    /** Counting spans at most ten years: 3,653 days. */
    public static final int MAX_YEARS_COUNTED = 10;
    public static final int MAX_DAYS_COUNTED = 3653;

    private final CalendarYearRepository years;
    private final Clock clock;
    private final AtomicReference<WorkingDayCalendar> current = new AtomicReference<>(BundledCalendars.official());

    CalendarService(CalendarYearRepository years, Clock clock) {
        this.years = years;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void preloadOfficialYears() {
        for (int year : BundledCalendars.YEARS) {
            if (!years.existsById(year)) {
                years.insert(CalendarYearRecord.of(BundledCalendars.load(year), "bundled"));
            }
        }
        refresh();
    }

    public WorkingDayCalendar calendar() {
        return current.get();
    }

    /** Whether {@code date} is a working day. */
    public boolean isWorkingDay(LocalDate date) {
        requireInRange(date, "date");
        return calendar().isWorkingDay(date);
    }

    /**
     * The {@code workingDays}-th working day after {@code from} ({@code from} itself not counted; for 0, {@code from}
     * if it is a working day, else the next one); refused when that day is past {@link #LAST}.
     */
    public LocalDate addWorkingDays(LocalDate from, int workingDays) {
        requireInRange(from, "from");
        if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
            String message = "must be between 0 and " + MAX_WORKING_DAYS;
            throw DomainException.invalid("INVALID_WORKING_DAYS", "'workingDays' " + message)
                    .with("errors", List.of(new FieldViolation("workingDays", "OUT_OF_RANGE", message)));
        }
        LocalDate reached = calendar().addWorkingDays(from, workingDays);
        if (reached.isAfter(LAST)) {
            throw outOfRange("workingDays", "the working day reached would be after " + LAST);
        }
        return reached;
    }

    /** Working days d with {@code from < d ≤ to}, 0 when {@code to} is not after {@code from}; ten years at most. */
    public int countWorkingDays(LocalDate from, LocalDate to) {
        requireInRange(from, "from");
        requireInRange(to, "to");
        if (to.isAfter(from.plusYears(MAX_YEARS_COUNTED))) {
            throw DomainException.invalid("RANGE_TOO_LARGE", "count at most ten years at a time");
        }
        return calendar().countWorkingDays(from, to);
    }

    private static void requireInRange(LocalDate date, String field) {
        if (date.isBefore(FIRST) || date.isAfter(LAST)) {
            throw outOfRange(field, "must be a date from " + FIRST + " to " + LAST);
        }
    }

    private static RuntimeException outOfRange(String field, String message) {
        return DomainException.invalid("DATE_OUT_OF_RANGE", "'" + field + "' " + message
                + ": the calendar answers for the years " + Limits.YEAR_MIN + " to " + Limits.YEAR_MAX)
                .with("errors", List.of(new FieldViolation(field, "OUT_OF_RANGE", message)));
    }

    public CalendarYear year(int year) {
        return calendar().year(year).orElseThrow(() -> DomainException.notFound("calendar year", year));
    }

    public CalendarYear replaceYear(int year, Collection<java.time.LocalDate> holidays,
            Collection<java.time.LocalDate> makeUpWorkingDays, String by) {
        CalendarYear replacement;
        try {
            replacement = CalendarYear.of(year, holidays, makeUpWorkingDays);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("INVALID_CALENDAR", e.getMessage());
        }
        CalendarYearRecord record = years.findById(year)
                .orElseGet(() -> CalendarYearRecord.of(CalendarYear.weekdaysOnly(year), by));
        record.replace(replacement, by, clock.instant());
        years.save(record);
        refresh();
        return replacement;
    }

    private void refresh() {
        current.set(WorkingDayCalendar.of(years.findAll().stream().map(CalendarYearRecord::toCalendarYear).toList()));
    }
}
