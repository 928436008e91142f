package dev.onewindow.catalog.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.onewindow.platform.calendar.CalendarYear;
import dev.onewindow.platform.events.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One year of the working-day calendar as maintained by catalog admins: statutory holidays and make-up working days
 * (调休上班). Every change is announced as {@code calendar.updated} so other services refresh their cached copy.
 */
@Document("calendar_years")
public class CalendarYearRecord extends AggregateRoot {

    /** Calendar data is national/city-wide; events carry the city's region. */
    static final String REGION = "341300";

    @Id
    private int year;
    private List<LocalDate> holidays;
    private List<LocalDate> makeUpWorkingDays;
    private String updatedBy;

    CalendarYearRecord(int year, List<LocalDate> holidays, List<LocalDate> makeUpWorkingDays, String updatedBy) {
        this.year = year;
        this.holidays = holidays;
        this.makeUpWorkingDays = makeUpWorkingDays;
        this.updatedBy = updatedBy;
    }

    static CalendarYearRecord of(CalendarYear year, String by) {
        return new CalendarYearRecord(year.year(), List.copyOf(year.holidays()), List.copyOf(year.makeUpWorkingDays()),
                by);
    }

    /** Replaces the year's days; the new data is validated as a {@link CalendarYear} first. */
    void replace(CalendarYear replacement, String by, Instant now) {
        this.holidays = List.copyOf(replacement.holidays());
        this.makeUpWorkingDays = List.copyOf(replacement.makeUpWorkingDays());
        this.updatedBy = by;
        registerEvent("calendar.updated", new CalendarUpdated(year, holidays, makeUpWorkingDays), now);
    }

    CalendarYear toCalendarYear() {
        return CalendarYear.of(year, holidays, makeUpWorkingDays);
    }

    int year() {
        return year;
    }

    @Override
    protected String aggregateType() {
        return "calendar";
    }

    @Override
    protected String region() {
        return REGION;
    }

    /** Event data: the year's full new content, so consumers need no call back. */
    record CalendarUpdated(int year, List<LocalDate> holidays, List<LocalDate> makeUpWorkingDays) {
    }
}
