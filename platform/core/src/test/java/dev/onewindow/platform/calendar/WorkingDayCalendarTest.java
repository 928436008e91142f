package dev.onewindow.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = BundledCalendars.official();

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant();
    }

    @Nested
    class SpringFestival2026 {

        @Test
        void makeUpSaturdayBeforeTheFestivalIsTheNextWorkingDay() {
            assertThat(calendar.isWorkingDay(date("2026-02-14"))).isTrue();
            assertThat(calendar.addWorkingDays(date("2026-02-13"), 1)).isEqualTo(date("2026-02-14"));
        }

        @Test
        void theWholeFestivalIsSkipped() {
            for (LocalDate day = date("2026-02-15"); !day.isAfter(date("2026-02-23")); day = day.plusDays(1)) {
                assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
            }
            assertThat(calendar.addWorkingDays(date("2026-02-14"), 1)).isEqualTo(date("2026-02-24"));
            assertThat(calendar.addWorkingDays(date("2026-02-13"), 2)).isEqualTo(date("2026-02-24"));
        }

        @Test
        void countsTheMakeUpDaysOnBothSidesOfTheFestival() {
            // Feb 14 (make-up Sat), Feb 24–27 (Tue–Fri), Feb 28 (make-up Sat)
            assertThat(calendar.countWorkingDays(date("2026-02-13"), date("2026-02-28"))).isEqualTo(6);
            assertThat(calendar.isWorkingDay(date("2026-02-28"))).isTrue();
            assertThat(calendar.addWorkingDays(date("2026-02-27"), 1)).isEqualTo(date("2026-02-28"));
            assertThat(calendar.addWorkingDays(date("2026-02-28"), 1)).isEqualTo(date("2026-03-02"));
        }
    }

    @Nested
    class NationalDay2026 {

        @Test
        void makeUpSundayBeforeMidAutumn() {
            assertThat(calendar.isWorkingDay(date("2026-09-19"))).isFalse();
            assertThat(calendar.addWorkingDays(date("2026-09-18"), 1)).isEqualTo(date("2026-09-20"));
            // Sep 20 (make-up Sun), 21–24 (Mon–Thu); Sep 25–27 Mid-Autumn; Sep 28–30 (Mon–Wed)
            assertThat(calendar.countWorkingDays(date("2026-09-18"), date("2026-09-30"))).isEqualTo(8);
        }

        @Test
        void goldenWeekEndsOnThursdayAndSaturdayOctober10IsWorked() {
            assertThat(calendar.addWorkingDays(date("2026-09-30"), 1)).isEqualTo(date("2026-10-08"));
            assertThat(calendar.addWorkingDays(date("2026-10-09"), 1)).isEqualTo(date("2026-10-10"));
            assertThat(calendar.countWorkingDays(date("2026-09-30"), date("2026-10-11"))).isEqualTo(3);
        }
    }

    @Nested
    class NewYear2026 {

        @Test
        void sundayJanuary4IsWorkedAndTheCountCrossesTheYear() {
            assertThat(calendar.isWorkingDay(date("2026-01-02"))).isFalse();
            assertThat(calendar.isWorkingDay(date("2026-01-04"))).isTrue();
            assertThat(calendar.addWorkingDays(date("2025-12-31"), 1)).isEqualTo(date("2026-01-04"));
            assertThat(calendar.addWorkingDays(date("2026-01-04"), 1)).isEqualTo(date("2026-01-05"));
        }
    }

    @Nested
    class Year2025 {

        @Test
        void springFestivalWithMakeUpDaysJanuary26AndFebruary8() {
            assertThat(calendar.addWorkingDays(date("2025-01-24"), 1)).isEqualTo(date("2025-01-26"));
            assertThat(calendar.addWorkingDays(date("2025-01-27"), 1)).isEqualTo(date("2025-02-05"));
            assertThat(calendar.addWorkingDays(date("2025-02-07"), 1)).isEqualTo(date("2025-02-08"));
        }

        @Test
        void labourDayDragonBoatAndNationalDay() {
            assertThat(calendar.isWorkingDay(date("2025-04-27"))).isTrue();
            assertThat(calendar.addWorkingDays(date("2025-04-30"), 1)).isEqualTo(date("2025-05-06"));
            assertThat(calendar.addWorkingDays(date("2025-05-30"), 1)).isEqualTo(date("2025-06-03"));
            assertThat(calendar.addWorkingDays(date("2025-09-26"), 1)).isEqualTo(date("2025-09-28"));
            assertThat(calendar.addWorkingDays(date("2025-09-30"), 1)).isEqualTo(date("2025-10-09"));
            assertThat(calendar.isWorkingDay(date("2025-10-11"))).isTrue();
        }
    }

    @Test
    void bothBundledYearsHave248WorkingDays() {
        // 261 weekdays each; 2025: −18 weekday holidays +5 make-up days; 2026: −19 +6. Catches a typo in the data.
        assertThat(calendar.countWorkingDays(date("2024-12-31"), date("2025-12-31"))).isEqualTo(248);
        assertThat(calendar.countWorkingDays(date("2025-12-31"), date("2026-12-31"))).isEqualTo(248);
    }

    @Test
    void zeroWorkingDaysIsTheSameDayOrTheNextWorkingDay() {
        assertThat(calendar.addWorkingDays(date("2026-02-14"), 0)).isEqualTo(date("2026-02-14"));
        assertThat(calendar.addWorkingDays(date("2026-02-15"), 0)).isEqualTo(date("2026-02-24"));
        assertThat(calendar.nextWorkingDayOnOrAfter(date("2026-10-01"))).isEqualTo(date("2026-10-08"));
        assertThat(calendar.nextWorkingDayOnOrAfter(date("2026-10-08"))).isEqualTo(date("2026-10-08"));
    }

    @Test
    void negativeWorkingDaysAreRejected() {
        assertThatThrownBy(() -> calendar.addWorkingDays(date("2026-03-02"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countIsZeroWhenTheRangeIsEmptyOrReversed() {
        assertThat(calendar.countWorkingDays(date("2026-03-02"), date("2026-03-02"))).isZero();
        assertThat(calendar.countWorkingDays(date("2026-03-05"), date("2026-03-02"))).isZero();
        assertThat(calendar.countWorkingDays(date("2026-03-01"), date("2026-03-02"))).isOne();
    }

    @Test
    void yearsWithoutDataFallBackToMondayToFriday() {
        assertThat(calendar.years()).containsExactly(2025, 2026);
        assertThat(calendar.isWorkingDay(date("2027-01-01"))).as("Friday, no 2027 data").isTrue();
        assertThat(calendar.isWorkingDay(date("2027-01-02"))).as("Saturday").isFalse();
        assertThat(WorkingDayCalendar.weekdaysOnly().isWorkingDay(date("2026-02-16"))).isTrue();
    }

    @Test
    void withYearReturnsANewCalendarAndLeavesTheOriginalUnchanged() {
        CalendarYear newYear2027 = CalendarYear.of(2027, List.of(date("2027-01-01")), List.of());
        WorkingDayCalendar updated = calendar.withYear(newYear2027);

        assertThat(updated.isWorkingDay(date("2027-01-01"))).isFalse();
        assertThat(updated.years()).containsExactly(2025, 2026, 2027);
        assertThat(calendar.isWorkingDay(date("2027-01-01"))).isTrue();
        assertThat(calendar.years()).containsExactly(2025, 2026);

        WorkingDayCalendar replaced = updated.withYear(CalendarYear.weekdaysOnly(2027));
        assertThat(replaced.isWorkingDay(date("2027-01-01"))).isTrue();
        assertThat(replaced.withoutYear(2027)).isEqualTo(calendar);
    }

    @Test
    void theSameYearTwiceIsRejected() {
        assertThatThrownBy(() -> WorkingDayCalendar.of(CalendarYear.weekdaysOnly(2027), CalendarYear.weekdaysOnly(2027)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2027");
    }

    @Nested
    class WorkingTime {

        @Test
        void countsOnlyTheWorkingDaysOfARange() {
            // Fri Feb 13 18:00–24:00 (6 h) + make-up Sat Feb 14 (24 h) + Tue Feb 24 00:00–09:00 (9 h)
            assertThat(calendar.workingTimeBetween(shanghai("2026-02-13T18:00"), shanghai("2026-02-24T09:00")))
                    .isEqualTo(Duration.ofHours(39));
            assertThat(calendar.workingTimeBetween(shanghai("2026-02-16T08:00"), shanghai("2026-02-20T08:00")))
                    .isZero();
            assertThat(calendar.workingTimeBetween(shanghai("2026-02-24T09:00"), shanghai("2026-02-13T18:00")))
                    .isZero();
        }

        @Test
        void plusWorkingTimeEndsOnTheEndOfTheLastWorkingDayNotAfterTheFollowingHolidays() {
            assertThat(calendar.plusWorkingTime(shanghai("2026-02-13T18:00"), Duration.ofHours(30)))
                    .isEqualTo(shanghai("2026-02-15T00:00"));
            assertThat(calendar.plusWorkingTime(shanghai("2026-02-13T18:00"), Duration.ofHours(31)))
                    .isEqualTo(shanghai("2026-02-24T01:00"));
        }

        @Test
        void plusWorkingTimeIsTheInverseOfWorkingTimeBetween() {
            Instant from = shanghai("2026-09-24T16:30");
            Duration amount = Duration.ofHours(100).plusMinutes(7);
            Instant to = calendar.plusWorkingTime(from, amount);
            assertThat(calendar.workingTimeBetween(from, to)).isEqualTo(amount);
            // Thu 7.5 h, Mid-Autumn off, Mon–Wed 72 h, golden week off, then 20 h 37 min on Thu Oct 8
            assertThat(to).isEqualTo(shanghai("2026-10-08T20:37"));
        }
    }
}
