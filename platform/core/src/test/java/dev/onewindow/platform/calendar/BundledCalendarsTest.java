package dev.onewindow.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BundledCalendarsTest {

    @Test
    void officialCalendarHoldsTheBundledYears() {
        assertThat(BundledCalendars.official().years()).containsExactlyElementsOf(BundledCalendars.YEARS);
        assertThat(BundledCalendars.official()).isSameAs(BundledCalendars.official());
    }

    @Test
    void year2025HasTheStateCouncilArrangement() {
        CalendarYear year = BundledCalendars.load(2025);
        // 元旦 1 + 春节 8 + 清明 3 + 劳动节 5 + 端午 3 + 国庆中秋 8
        assertThat(year.holidays()).hasSize(28);
        assertThat(year.makeUpWorkingDays()).containsExactly(LocalDate.parse("2025-01-26"),
                LocalDate.parse("2025-02-08"), LocalDate.parse("2025-04-27"), LocalDate.parse("2025-09-28"),
                LocalDate.parse("2025-10-11"));
    }

    @Test
    void year2026HasTheStateCouncilArrangement() {
        CalendarYear year = BundledCalendars.load(2026);
        // 元旦 3 + 春节 9 + 清明 3 + 劳动节 5 + 端午 3 + 中秋 3 + 国庆 7
        assertThat(year.holidays()).hasSize(33)
                .contains(LocalDate.parse("2026-02-15"), LocalDate.parse("2026-02-23"), LocalDate.parse("2026-06-19"),
                        LocalDate.parse("2026-09-25"), LocalDate.parse("2026-10-07"));
        assertThat(year.makeUpWorkingDays()).containsExactly(LocalDate.parse("2026-01-04"),
                LocalDate.parse("2026-02-14"), LocalDate.parse("2026-02-28"), LocalDate.parse("2026-05-09"),
                LocalDate.parse("2026-09-20"), LocalDate.parse("2026-10-10"));
        assertThat(year.makeUpWorkingDays()).allSatisfy(day ->
                assertThat(day.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }

    @Test
    void aYearThatIsNotBundledIsReported() {
        assertThatThrownBy(() -> BundledCalendars.load(2024))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2024");
    }
}
