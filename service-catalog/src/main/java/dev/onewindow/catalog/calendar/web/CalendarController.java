package dev.onewindow.catalog.calendar.web;

import java.time.LocalDate;
import java.util.List;

import dev.onewindow.catalog.calendar.CalendarService;
import dev.onewindow.catalog.limits.Limits;
import dev.onewindow.catalog.web.ApiBounds;
import dev.onewindow.platform.calendar.CalendarYear;
import dev.onewindow.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
 * The working-day calendar (docs/domain.md, "Shared concepts"). The read shapes are a published contract: partners
 * and other services rely on them. Dates are ISO-8601 local dates in Asia/Shanghai.
 */
@RestController
@RequestMapping("/api/v1/catalog/calendar")
@Tag(name = "Calendar", description = "The working-day calendar every deadline in OneWindow is counted in: "
        + "statutory holidays and make-up working days (调休上班) per year, Monday to Friday otherwise. Public; catalog "
        + "admins maintain it. Dates are ISO-8601 local dates (yyyy-MM-dd) in Asia/Shanghai, "
        + CalendarController.RANGE + ": the years the calendar can hold data for. A date outside them, asked about or "
        + "as an answer, is 400 `DATE_OUT_OF_RANGE`.")
class CalendarController {

    private static final int MAX_WORKING_DAYS = CalendarService.MAX_WORKING_DAYS;
    private static final int MAX_DAYS_COUNTED = CalendarService.MAX_DAYS_COUNTED;
    /** The dates the calendar answers for, as the API documents them. */
    static final String RANGE = "from " + Limits.YEAR_MIN + "-01-01 to " + Limits.YEAR_MAX + "-12-31";

    private final CalendarService calendar;

    CalendarController(CalendarService calendar) {
        this.calendar = calendar;
    }

    record DayResponse(@Schema(maxLength = ApiBounds.DATE) LocalDate date, boolean workingDay) {
    }

    record AddResponse(@Schema(maxLength = ApiBounds.DATE) LocalDate from,
            @Schema(minimum = "0", maximum = "" + MAX_WORKING_DAYS) int workingDays,
            @Schema(maxLength = ApiBounds.DATE, description = "The working day reached") LocalDate date) {
    }

    record CountResponse(@Schema(maxLength = ApiBounds.DATE) LocalDate from,
            @Schema(maxLength = ApiBounds.DATE) LocalDate to,
            @Schema(minimum = "0", maximum = "" + MAX_DAYS_COUNTED, description = "Working days d with from < d ≤ to")
            int workingDays) {
    }

    @Schema(description = "One year's statutory holidays and make-up working days (weekend days that are worked).")
    record YearResponse(
            @Schema(minimum = "" + Limits.YEAR_MIN, maximum = "" + Limits.YEAR_MAX) int year,
            @ArraySchema(maxItems = Limits.DAYS_OF_YEAR, schema = @Schema(type = "string", format = "date",
                    maxLength = ApiBounds.DATE)) List<LocalDate> holidays,
            @ArraySchema(maxItems = Limits.DAYS_OF_YEAR, schema = @Schema(type = "string", format = "date",
                    maxLength = ApiBounds.DATE)) List<LocalDate> makeUpWorkingDays) {
        static YearResponse of(CalendarYear year) {
            return new YearResponse(year.year(), List.copyOf(year.holidays()), List.copyOf(year.makeUpWorkingDays()));
        }
    }

    @Schema(description = "A year's statutory holidays and make-up working days (Saturdays or Sundays), all within the "
            + "year; a day cannot be both.")
    record ReplaceYearRequest(
            @NotNull @Size(max = Limits.DAYS_OF_YEAR) @ArraySchema(maxItems = Limits.DAYS_OF_YEAR,
                    schema = @Schema(type = "string", format = "date", maxLength = ApiBounds.DATE))
            List<@NotNull LocalDate> holidays,
            @NotNull @Size(max = Limits.DAYS_OF_YEAR) @ArraySchema(maxItems = Limits.DAYS_OF_YEAR,
                    schema = @Schema(type = "string", format = "date", maxLength = ApiBounds.DATE))
            List<@NotNull LocalDate> makeUpWorkingDays) {
    }

    @Operation(summary = "Tell whether a date is a working day",
            description = "For dates " + RANGE + " (400 `DATE_OUT_OF_RANGE` otherwise).")
    @GetMapping("/days/{date}")
    DayResponse day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            @Parameter(description = "The date, " + RANGE, schema = @Schema(type = "string", format = "date",
                    maxLength = ApiBounds.DATE)) LocalDate date) {
        return new DayResponse(date, calendar.isWorkingDay(date));
    }

    @Operation(summary = "Find the N-th working day after a date",
            description = "`from` itself is not counted (期间开始之日不计算在内); for 0 working days the answer is `from` "
                    + "when it is a working day, else the next working day. `from` and the day reached are "
                    + RANGE + " (400 `DATE_OUT_OF_RANGE` otherwise).")
    @GetMapping("/add")
    AddResponse add(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            @Parameter(description = "The start date, " + RANGE, schema = @Schema(type = "string", format = "date",
                    maxLength = ApiBounds.DATE)) LocalDate from,
            @RequestParam @Min(0) @Max(MAX_WORKING_DAYS) int workingDays) {
        return new AddResponse(from, workingDays, calendar.addWorkingDays(from, workingDays));
    }

    @Operation(summary = "Count the working days between two dates",
            description = "Working days d with from < d ≤ to; 0 when `to` is not after `from`. At most ten years "
                    + "(400 `RANGE_TOO_LARGE`); both dates " + RANGE + " (400 `DATE_OUT_OF_RANGE` otherwise).")
    @GetMapping("/count")
    CountResponse count(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            @Parameter(description = "Counted from the day after, " + RANGE, schema = @Schema(type = "string",
                    format = "date", maxLength = ApiBounds.DATE)) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            @Parameter(description = "Counted up to and including, " + RANGE, schema = @Schema(type = "string",
                    format = "date", maxLength = ApiBounds.DATE)) LocalDate to) {
        return new CountResponse(from, to, calendar.countWorkingDays(from, to));
    }

    @Operation(summary = "Read a year's holidays and make-up working days",
            description = "404 for a year the calendar has no data for (its days are then Monday to Friday).")
    @GetMapping("/years/{year}")
    YearResponse year(@PathVariable @Min(Limits.YEAR_MIN) @Max(Limits.YEAR_MAX) int year) {
        return YearResponse.of(calendar.year(year));
    }

    @Operation(summary = "Replace a year's holidays and make-up working days",
            description = "Announced as `calendar.updated`, so every service refreshes its copy. 400 "
                    + "`INVALID_CALENDAR` for a day outside the year, a make-up day that is not a Saturday or Sunday, "
                    + "or a day listed as both.")
    @PutMapping("/years/{year}")
    @PreAuthorize("hasRole('catalog-admin')")
    YearResponse replaceYear(@PathVariable @Min(Limits.YEAR_MIN) @Max(Limits.YEAR_MAX) int year,
            @Valid @RequestBody ReplaceYearRequest request, Caller caller) {
        return YearResponse.of(calendar.replaceYear(year, request.holidays(), request.makeUpWorkingDays(),
                caller.username()));
    }
}
