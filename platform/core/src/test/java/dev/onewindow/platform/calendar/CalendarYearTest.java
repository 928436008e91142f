package dev.onewindow.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarYearTest {

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void holidaysWinOverWeekdaysAndMakeUpDaysOverWeekends() {
        CalendarYear year = CalendarYear.of(2026, List.of(date("2026-10-01")), List.of(date("2026-10-10")));

        assertThat(year.isWorkingDay(date("2026-10-01"))).as("Thursday holiday").isFalse();
        assertThat(year.isWorkingDay(date("2026-10-10"))).as("make-up Saturday").isTrue();
        assertThat(year.isWorkingDay(date("2026-10-11"))).as("plain Sunday").isFalse();
        assertThat(year.isWorkingDay(date("2026-10-12"))).as("plain Monday").isTrue();
    }

    @Test
    void rejectsDatesOutsideTheYear() {
        assertThatThrownBy(() -> CalendarYear.of(2026, List.of(date("2025-12-31")), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025-12-31");
        assertThatThrownBy(() -> CalendarYear.of(2026, List.of(), List.of(date("2027-01-02"))))
                .isInstanceOf(IllegalArgumentException.class);
        CalendarYear year = CalendarYear.weekdaysOnly(2026);
        assertThatThrownBy(() -> year.isWorkingDay(date("2027-01-04")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsADayThatIsBothHolidayAndMakeUpDay() {
        assertThatThrownBy(() -> CalendarYear.of(2026, List.of(date("2026-02-14")), List.of(date("2026-02-14"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both");
    }

    @Test
    void rejectsAMakeUpDayOnAWeekdayButAllowsHolidaysOnWeekends() {
        assertThatThrownBy(() -> CalendarYear.of(2026, List.of(), List.of(date("2026-02-13"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FRIDAY");
        assertThat(CalendarYear.of(2026, List.of(date("2026-02-15")), List.of()).holidays())
                .containsExactly(date("2026-02-15"));
    }

    @Test
    void isImmutableAndComparesByValue() {
        List<LocalDate> holidays = new ArrayList<>(List.of(date("2026-05-01")));
        CalendarYear year = CalendarYear.of(2026, holidays, List.of());
        holidays.add(date("2026-05-04"));

        assertThat(year.holidays()).containsExactly(date("2026-05-01"));
        assertThatThrownBy(() -> year.holidays().add(date("2026-05-04")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(year).isEqualTo(CalendarYear.of(2026, List.of(date("2026-05-01")), List.of()));
    }
}
