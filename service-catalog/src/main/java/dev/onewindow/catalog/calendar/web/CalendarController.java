package dev.onewindow.catalog.calendar.web;

import java.time.LocalDate;
import java.util.List;

import dev.onewindow.catalog.calendar.CalendarService;
import dev.onewindow.platform.calendar.CalendarYear;
import dev.onewindow.platform.problem.ApiException;
import dev.onewindow.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar (DOMAIN.md §0). The read shapes are a published contract: partners and other services
 * rely on them. Dates are ISO-8601 local dates in Asia/Shanghai.
 */
@RestController
@RequestMapping("/api/v1/catalog/calendar")
class CalendarController {

    /** Ten years of working days: beyond that no deadline in OneWindow reaches. */
    private static final int MAX_WORKING_DAYS = 2500;

    private final CalendarService calendar;

    CalendarController(CalendarService calendar) {
        this.calendar = calendar;
    }

    record DayResponse(LocalDate date, boolean workingDay) {
    }

    record AddResponse(LocalDate from, int workingDays, LocalDate date) {
    }

    record CountResponse(LocalDate from, LocalDate to, int workingDays) {
    }

    record YearResponse(int year, List<LocalDate> holidays, List<LocalDate> makeUpWorkingDays) {
        static YearResponse of(CalendarYear year) {
            return new YearResponse(year.year(), List.copyOf(year.holidays()), List.copyOf(year.makeUpWorkingDays()));
        }
    }

    record ReplaceYearRequest(@NotNull @Size(max = 366) List<@NotNull LocalDate> holidays,
            @NotNull @Size(max = 366) List<@NotNull LocalDate> makeUpWorkingDays) {
    }

    @GetMapping("/days/{date}")
    DayResponse day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return new DayResponse(date, calendar.calendar().isWorkingDay(date));
    }

    /** The N-th working day after {@code from} ({@code from} itself is not counted). */
    @GetMapping("/add")
    AddResponse add(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @Min(0) @Max(MAX_WORKING_DAYS) int workingDays) {
        return new AddResponse(from, workingDays, calendar.calendar().addWorkingDays(from, workingDays));
    }

    /** Working days d with from &lt; d ≤ to. */
    @GetMapping("/count")
    CountResponse count(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isAfter(from.plusYears(10))) {
            throw ApiException.badRequest("RANGE_TOO_LARGE", "count at most ten years at a time");
        }
        return new CountResponse(from, to, calendar.calendar().countWorkingDays(from, to));
    }

    @GetMapping("/years/{year}")
    YearResponse year(@PathVariable @Min(1900) @Max(2200) int year) {
        return YearResponse.of(calendar.year(year));
    }

    @PutMapping("/years/{year}")
    @PreAuthorize("hasRole('catalog-admin')")
    YearResponse replaceYear(@PathVariable @Min(1900) @Max(2200) int year,
            @Valid @RequestBody ReplaceYearRequest request, Caller caller) {
        return YearResponse.of(calendar.replaceYear(year, request.holidays(), request.makeUpWorkingDays(),
                caller.username()));
    }
}
