package dev.onewindow.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarYearFormatTest {

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void parsesRangesSingleDaysAndComments() {
        CalendarYear year = CalendarYearFormat.parse(2026, """
                # 春节 Spring Festival
                holiday 2026-02-15..2026-02-17   # trailing comment
                WORKDAY 2026-02-14

                workday 2026-02-28
                """);

        assertThat(year.year()).isEqualTo(2026);
        assertThat(year.holidays()).containsExactly(date("2026-02-15"), date("2026-02-16"), date("2026-02-17"));
        assertThat(year.makeUpWorkingDays()).containsExactly(date("2026-02-14"), date("2026-02-28"));
    }

    @Test
    void formatsRunsInDateOrder() {
        CalendarYear year = CalendarYear.of(2026,
                List.of(date("2026-10-01"), date("2026-10-02"), date("2026-10-03"), date("2026-01-01")),
                List.of(date("2026-09-20"), date("2026-10-10")));

        assertThat(CalendarYearFormat.format(year)).isEqualTo("""
                # working-day calendar 2026
                holiday 2026-01-01
                workday 2026-09-20
                holiday 2026-10-01..2026-10-03
                workday 2026-10-10
                """);
    }

    @Test
    void formatThenParseGivesTheSameYear() {
        for (int year : BundledCalendars.YEARS) {
            CalendarYear official = BundledCalendars.load(year);
            assertThat(CalendarYearFormat.parse(year, CalendarYearFormat.format(official))).isEqualTo(official);
        }
    }

    @Test
    void namesTheLineOfASyntaxError() {
        assertThatThrownBy(() -> CalendarYearFormat.parse(2026, "holiday 2026-01-01\nvacation 2026-01-02"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("vacation");
        assertThatThrownBy(() -> CalendarYearFormat.parse(2026, "holiday 2026-02-30"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> CalendarYearFormat.parse(2026, "holiday 2026-02-23..2026-02-15"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> CalendarYearFormat.parse(2026, "holiday 2026-01-01 2026-01-02"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CalendarYearFormat.parse(2026, "holiday 2026-01-01..2026-01-03\nholiday 2026-01-03"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listed twice");
    }

    @Test
    void appliesTheCalendarYearRules() {
        assertThatThrownBy(() -> CalendarYearFormat.parse(2026, "workday 2026-02-13"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-02-13");
        assertThatThrownBy(() -> CalendarYearFormat.parse(2025, "holiday 2026-01-01"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
