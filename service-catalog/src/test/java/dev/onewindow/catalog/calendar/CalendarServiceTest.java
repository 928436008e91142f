package dev.onewindow.catalog.calendar;

import java.time.Clock;
import java.time.LocalDate;

import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.domain.InvalidInputException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/** The calendar answers for 1900-01-01 … 2200-12-31 only: never a date outside, never an overflow. */
class CalendarServiceTest {

    private final CalendarService calendar = new CalendarService(mock(CalendarYearRepository.class),
            Clock.systemUTC());

    @Test
    void theRangeIsTheYearsTheCalendarCanHold() {
        assertThat(CalendarService.FIRST).isEqualTo("1900-01-01");
        assertThat(CalendarService.LAST).isEqualTo("2200-12-31");
    }

    @Test
    void datesOutsideTheRangeAreRefusedWhereverTheyAppear() {
        for (LocalDate outside : new LocalDate[] {LocalDate.MAX, LocalDate.MIN, LocalDate.of(1899, 12, 31),
                LocalDate.of(2201, 1, 1), LocalDate.of(9999, 12, 31)}) {
            assertOutOfRange(() -> calendar.isWorkingDay(outside), "date");
            assertOutOfRange(() -> calendar.addWorkingDays(outside, 1), "from");
            assertOutOfRange(() -> calendar.countWorkingDays(outside, LocalDate.of(2026, 1, 1)), "from");
            assertOutOfRange(() -> calendar.countWorkingDays(LocalDate.of(2026, 1, 1), outside), "to");
        }
    }

    @Test
    void anAnswerPastTheLastDayIsRefusedAndTheLastDayIsAnswered() {
        // 2200-12-28 is a Sunday: Monday 29, Tuesday 30, Wednesday 31
        assertThat(calendar.addWorkingDays(LocalDate.of(2200, 12, 28), 3)).isEqualTo("2200-12-31");
        assertOutOfRange(() -> calendar.addWorkingDays(LocalDate.of(2200, 12, 28), 4), "workingDays");
        assertOutOfRange(() -> calendar.addWorkingDays(LocalDate.of(2200, 12, 31), 1), "workingDays");
        assertThat(calendar.addWorkingDays(LocalDate.of(2200, 12, 31), 0)).isEqualTo("2200-12-31");
        assertThat(calendar.isWorkingDay(LocalDate.of(1900, 1, 1))).isTrue();
        assertThat(calendar.countWorkingDays(LocalDate.of(2190, 12, 31), LocalDate.of(2200, 12, 31))).isPositive();
    }

    @Test
    void workingDaysAndSpansAreBounded() {
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 1, 1), -1))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 1, 1), Integer.MAX_VALUE))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> calendar.countWorkingDays(LocalDate.of(1900, 1, 1), LocalDate.of(2200, 12, 31)))
                .isInstanceOf(InvalidInputException.class).extracting(e -> ((DomainException) e).code())
                .isEqualTo("RANGE_TOO_LARGE");
    }

    private static void assertOutOfRange(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("DATE_OUT_OF_RANGE"))
                .hasMessageContaining("'" + field + "'");
    }
}
