package dev.onewindow.catalog.calendar;

import java.time.Clock;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicReference;

import dev.onewindow.platform.calendar.BundledCalendars;
import dev.onewindow.platform.calendar.CalendarYear;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.domain.DomainException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The authoritative working-day calendar. The official arrangements bundled with the platform are stored on first
 * start; admins then maintain years here, and reads are served from an in-memory copy refreshed on every change.
 */
@Service
public class CalendarService {

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
