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

class WorkClockTest {

    private final WorkingDayCalendar calendar = BundledCalendars.official();

    /** A local date-time in Asia/Shanghai (the tests run with the JVM in UTC, so this matters). */
    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant();
    }

    @Nested
    class DueInstant {

        @Test
        void oneWorkingDayFromMondayAfternoonIsDueAtTheEndOfTuesday() {
            WorkClock clock = WorkClock.start(at("2026-03-02T15:00"), Limit.workingDays(1));

            assertThat(clock.dueAt(calendar, at("2026-03-02T15:00"))).isEqualTo(at("2026-03-04T00:00"));
            assertThat(clock.budget(calendar)).isEqualTo(Duration.ofHours(9 + 24));
        }

        @Test
        void countsTheMakeUpSaturdayAndSkipsTheSpringFestival() {
            // Fri Feb 13 + 3 working days = Sat Feb 14 (make-up), Tue Feb 24, Wed Feb 25
            WorkClock clock = WorkClock.start(at("2026-02-13T10:00"), Limit.workingDays(3));

            assertThat(clock.dueAt(calendar, at("2026-02-13T10:00"))).isEqualTo(at("2026-02-26T00:00"));
        }

        @Test
        void immediateItemIsDueAtTheEndOfTheSameWorkingDay() {
            WorkClock monday = WorkClock.start(at("2026-03-02T10:00"), Limit.workingDays(0));
            WorkClock makeUpSaturday = WorkClock.start(at("2026-02-14T10:00"), Limit.workingDays(0));

            assertThat(monday.dueAt(calendar, at("2026-03-02T10:00"))).isEqualTo(at("2026-03-03T00:00"));
            assertThat(makeUpSaturday.dueAt(calendar, at("2026-02-14T10:00"))).isEqualTo(at("2026-02-15T00:00"));
        }

        @Test
        void immediateItemAcceptedOnADayOffIsDueAtTheEndOfTheNextWorkingDay() {
            WorkClock festival = WorkClock.start(at("2026-02-21T10:00"), Limit.workingDays(0));
            WorkClock sunday = WorkClock.start(at("2026-03-08T10:00"), Limit.workingDays(0));

            assertThat(festival.dueAt(calendar, at("2026-02-21T10:00"))).isEqualTo(at("2026-02-25T00:00"));
            assertThat(sunday.dueAt(calendar, at("2026-03-08T10:00"))).isEqualTo(at("2026-03-10T00:00"));
            assertThat(sunday.budget(calendar)).isEqualTo(Duration.ofHours(24));
        }

        @Test
        void aDeadlineInAnUnpublishedYearMovesWhenTheYearIsPublished() {
            // Wed Dec 30 + 2: Thu Dec 31, then Fri Jan 1 2027 — a working day while 2027 has no data
            WorkClock clock = WorkClock.start(at("2026-12-30T10:00"), Limit.workingDays(2));
            assertThat(clock.dueAt(calendar, at("2026-12-30T10:00"))).isEqualTo(at("2027-01-02T00:00"));

            WorkingDayCalendar with2027 = calendar.withYear(
                    CalendarYear.of(2027, List.of(LocalDate.parse("2027-01-01")), List.of()));
            assertThat(clock.dueAt(with2027, at("2026-12-30T10:00"))).isEqualTo(at("2027-01-05T00:00"));
            assertThat(clock.budget(with2027)).isEqualTo(clock.budget(calendar));
        }
    }

    @Nested
    class PauseAndResume {

        // Thu Feb 12 09:00 + 2 working days = Fri Feb 13, Sat Feb 14 (make-up): due Feb 15 00:00, budget 15 h + 48 h
        private final WorkClock accepted = WorkClock.start(at("2026-02-12T09:00"), Limit.workingDays(2));
        private final WorkClock paused = accepted.pause("补正: 缺少营业执照副本", at("2026-02-13T18:00"));

        @Test
        void pausedTimeDoesNotCountAndTheDueMovesWhileThePauseLasts() {
            assertThat(accepted.dueAt(calendar, at("2026-02-12T09:00"))).isEqualTo(at("2026-02-15T00:00"));

            // 15 h on Thu + 18 h on Fri used; 30 h left, counted from "now" as if resumed now
            assertThat(paused.paused()).isTrue();
            assertThat(paused.elapsed(calendar, at("2026-02-20T12:00"))).isEqualTo(Duration.ofHours(33));
            assertThat(paused.remaining(calendar, at("2026-02-20T12:00"))).isEqualTo(Duration.ofHours(30));
            assertThat(paused.dueAt(calendar, at("2026-02-20T12:00"))).isEqualTo(at("2026-02-25T06:00"));
            assertThat(paused.dueAt(calendar, at("2026-02-24T12:00"))).isEqualTo(at("2026-02-25T18:00"));
        }

        @Test
        void resumingShiftsTheDueByThePausedWorkingTime() {
            WorkClock resumed = paused.resume(at("2026-02-24T09:00"));

            // paused working time: Fri 6 h + make-up Sat 24 h + Tue 9 h = 39 h after the original due (Feb 15 00:00)
            assertThat(resumed.paused()).isFalse();
            assertThat(resumed.pauses()).containsExactly(
                    new Pause("补正: 缺少营业执照副本", at("2026-02-13T18:00"), at("2026-02-24T09:00")));
            assertThat(resumed.dueAt(calendar, at("2026-03-31T00:00"))).isEqualTo(at("2026-02-25T15:00"));
            assertThat(resumed.elapsed(calendar, at("2026-02-24T12:00"))).isEqualTo(Duration.ofHours(36));
        }

        @Test
        void anExtensionAddsWorkingDaysAfterThePause() {
            WorkClock extended = paused.resume(at("2026-02-24T09:00"))
                    .extend(2, "专家评审", at("2026-02-25T10:00"));

            assertThat(extended.extensions()).containsExactly(
                    new Extension(Limit.workingDays(2), "专家评审", at("2026-02-25T10:00")));
            assertThat(extended.dueAt(calendar, at("2026-02-25T10:00"))).isEqualTo(at("2026-02-27T15:00"));
            assertThat(extended.budget(calendar)).isEqualTo(Duration.ofHours(63 + 48));
        }

        @Test
        void aClockThatRanOutBeforeThePauseStaysOverdue() {
            WorkClock clock = WorkClock.start(at("2026-03-02T09:00"), Limit.workingDays(0))
                    .pause("听证", at("2026-03-04T10:00"));

            assertThat(clock.dueAt(calendar, at("2026-03-05T10:00"))).isEqualTo(at("2026-03-03T00:00"));
            assertThat(clock.level(calendar, at("2026-03-05T10:00"))).isEqualTo(ClockLevel.RED);
        }

        @Test
        void pausingTwiceIsRefused() {
            assertThatThrownBy(() -> paused.pause("听证", at("2026-02-14T09:00")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already paused");
        }

        @Test
        void resumingARunningClockIsRefused() {
            assertThatThrownBy(() -> accepted.resume(at("2026-02-13T09:00")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not paused");
        }

        @Test
        void timesOutOfOrderAreRefused() {
            assertThatThrownBy(() -> accepted.pause("补正", at("2026-02-12T08:00")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("before the clock started");
            assertThatThrownBy(() -> paused.resume(at("2026-02-13T17:00")))
                    .isInstanceOf(IllegalArgumentException.class);
            WorkClock resumed = paused.resume(at("2026-02-24T09:00"));
            assertThatThrownBy(() -> resumed.pause("听证", at("2026-02-24T08:00")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("previous pause ended");
        }
    }

    @Nested
    class Levels {

        // Mon Mar 2 09:00 + 5 working days: due Tue Mar 10 00:00; budget 15 h + 120 h = 135 h, 80 % = 108 h
        private final WorkClock clock = WorkClock.start(at("2026-03-02T09:00"), Limit.workingDays(5));

        @Test
        void greenThenYellowAtEightyPercentThenRedAfterTheDue() {
            assertThat(clock.level(calendar, at("2026-03-02T09:00"))).isEqualTo(ClockLevel.GREEN);
            assertThat(clock.level(calendar, at("2026-03-06T20:59"))).isEqualTo(ClockLevel.GREEN);
            assertThat(clock.level(calendar, at("2026-03-06T21:00"))).isEqualTo(ClockLevel.YELLOW);
            assertThat(clock.level(calendar, at("2026-03-10T00:00"))).isEqualTo(ClockLevel.YELLOW);
            assertThat(clock.level(calendar, at("2026-03-10T00:00:01"))).isEqualTo(ClockLevel.RED);
            assertThat(clock.overdue(calendar, at("2026-03-10T00:00:01"))).isTrue();
        }

        @Test
        void remainingTurnsNegativeWhenOverdue() {
            assertThat(clock.remaining(calendar, at("2026-03-09T12:00"))).isEqualTo(Duration.ofHours(12));
            assertThat(clock.remaining(calendar, at("2026-03-10T09:00"))).isEqualTo(Duration.ofHours(-9));
        }

        @Test
        void yellowWhenOneWorkingDayIsLeftEvenBelowTheRatio() {
            ClockThresholds remainingOnly = new ClockThresholds(1.0, 1);

            assertThat(clock.level(calendar, at("2026-03-06T23:00"), remainingOnly)).isEqualTo(ClockLevel.GREEN);
            // Saturday: Monday (24 h) is all that is left
            assertThat(clock.level(calendar, at("2026-03-07T12:00"), remainingOnly)).isEqualTo(ClockLevel.YELLOW);
            assertThat(clock.level(calendar, at("2026-03-07T12:00"), new ClockThresholds(1.0, 0)))
                    .isEqualTo(ClockLevel.GREEN);
        }

        @Test
        void anImmediateItemIsYellowFromTheStart() {
            WorkClock immediate = WorkClock.start(at("2026-03-02T10:00"), Limit.workingDays(0));

            assertThat(immediate.level(calendar, at("2026-03-02T10:00"))).isEqualTo(ClockLevel.YELLOW);
            assertThat(immediate.level(calendar, at("2026-03-03T00:00:01"))).isEqualTo(ClockLevel.RED);
        }

        @Test
        void overdueOnTheHolidayRightAfterTheDueWhileNoWorkingTimeHasPassed() {
            // Fri Feb 13 + 1 = make-up Sat Feb 14: due Feb 15 00:00, then nine days off
            WorkClock beforeFestival = WorkClock.start(at("2026-02-13T10:00"), Limit.workingDays(1));

            assertThat(beforeFestival.level(calendar, at("2026-02-16T10:00"))).isEqualTo(ClockLevel.RED);
            assertThat(beforeFestival.remaining(calendar, at("2026-02-16T10:00"))).isZero();
            assertThat(beforeFestival.remaining(calendar, at("2026-02-24T10:00"))).isEqualTo(Duration.ofHours(-10));
        }

        @Test
        void yellowAtIsTheFirstInstantTheLevelIsYellow() {
            Instant yellow = clock.yellowAt(calendar, at("2026-03-02T09:00"), ClockThresholds.DEFAULTS);

            assertThat(yellow).isEqualTo(at("2026-03-06T21:00"));
            assertThat(clock.level(calendar, yellow.minusNanos(1))).isEqualTo(ClockLevel.GREEN);
            assertThat(clock.level(calendar, yellow)).isEqualTo(ClockLevel.YELLOW);
            // asked later, the answer is the same instant; once yellow, it is "now"
            assertThat(clock.yellowAt(calendar, at("2026-03-04T10:00"), ClockThresholds.DEFAULTS)).isEqualTo(yellow);
            assertThat(clock.yellowAt(calendar, at("2026-03-09T10:00"), ClockThresholds.DEFAULTS))
                    .isEqualTo(at("2026-03-09T10:00"));
        }

        @Test
        void yellowAtFollowsWhicheverThresholdComesFirst() {
            // ratio alone would be Fri 21:00; with 2 working days left it is Fri 00:00 (Mon and Fri are left)
            ClockThresholds twoDaysLeft = new ClockThresholds(0.8, 2);
            Instant yellow = clock.yellowAt(calendar, at("2026-03-02T09:00"), twoDaysLeft);

            assertThat(yellow).isEqualTo(at("2026-03-06T00:00"));
            assertThat(clock.level(calendar, yellow.minusNanos(1), twoDaysLeft)).isEqualTo(ClockLevel.GREEN);
            assertThat(clock.level(calendar, yellow, twoDaysLeft)).isEqualTo(ClockLevel.YELLOW);
            // an odd ratio: the boundary is exact to the nanosecond, as level() computes it
            ClockThresholds oddRatio = new ClockThresholds(0.7003, 0);
            Instant odd = clock.yellowAt(calendar, at("2026-03-02T09:00"), oddRatio);
            assertThat(clock.level(calendar, odd.minusNanos(1), oddRatio)).isEqualTo(ClockLevel.GREEN);
            assertThat(clock.level(calendar, odd, oddRatio)).isEqualTo(ClockLevel.YELLOW);
        }

        @Test
        void yellowAtMovesWithAPauseAndIsNotAskedOfAPausedOrStoppedClock() {
            WorkClock paused = clock.pause("补正", at("2026-03-03T09:00"));
            assertThatThrownBy(() -> paused.yellowAt(calendar, at("2026-03-03T10:00"), ClockThresholds.DEFAULTS))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> clock.complete(at("2026-03-03T09:00"))
                    .yellowAt(calendar, at("2026-03-03T10:00"), ClockThresholds.DEFAULTS))
                    .isInstanceOf(IllegalStateException.class);

            // paused for a whole working day: yellow one working day later (Fri 21:00 → Mon 21:00)
            WorkClock resumed = paused.resume(at("2026-03-04T09:00"));
            assertThat(resumed.yellowAt(calendar, at("2026-03-04T09:00"), ClockThresholds.DEFAULTS))
                    .isEqualTo(at("2026-03-09T21:00"));
        }

        @Test
        void thresholdsAreValidated() {
            assertThat(ClockThresholds.DEFAULTS).isEqualTo(new ClockThresholds(0.8, 1));
            assertThatThrownBy(() -> new ClockThresholds(0, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ClockThresholds(1.01, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ClockThresholds(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ClockThresholds(0.8, -1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Completion {

        private final WorkClock clock = WorkClock.start(at("2026-03-02T09:00"), Limit.workingDays(1));

        @Test
        void finishedOnTimeKeepsTheLevelItHadWhenItStopped() {
            WorkClock done = clock.complete(at("2026-03-02T17:00"));

            assertThat(done.stopped()).isTrue();
            assertThat(done.finishedOnTime(calendar)).isTrue();
            assertThat(done.elapsed(calendar, at("2026-04-01T00:00"))).isEqualTo(Duration.ofHours(8));
            assertThat(done.level(calendar, at("2026-04-01T00:00"))).isEqualTo(ClockLevel.GREEN);
        }

        @Test
        void finishedLateStaysRed() {
            WorkClock done = clock.complete(at("2026-03-04T09:00"));

            assertThat(done.finishedOnTime(calendar)).isFalse();
            assertThat(done.level(calendar, at("2026-04-01T00:00"))).isEqualTo(ClockLevel.RED);
            assertThat(done.remaining(calendar, at("2026-04-01T00:00"))).isEqualTo(Duration.ofHours(-9));
        }

        @Test
        void completingWhilePausedEndsThePause() {
            WorkClock done = clock.pause("补正", at("2026-03-02T10:00")).complete(at("2026-03-05T10:00"));

            assertThat(done.paused()).isFalse();
            assertThat(done.pauses().get(0).end()).isEqualTo(at("2026-03-05T10:00"));
            assertThat(done.elapsed(calendar, at("2026-04-01T00:00"))).isEqualTo(Duration.ofHours(1));
            assertThat(done.finishedOnTime(calendar)).isTrue();
        }

        @Test
        void aStoppedClockCannotChangeAndARunningOneHasNotFinished() {
            WorkClock done = clock.complete(at("2026-03-02T17:00"));

            assertThatThrownBy(() -> done.pause("补正", at("2026-03-03T09:00")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped");
            assertThatThrownBy(() -> done.complete(at("2026-03-03T09:00")))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> done.extend(1, "延期", at("2026-03-03T09:00")))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> clock.finishedOnTime(calendar))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class HoursClock {

        // An urgent hotline order on a Spring Festival holiday: hours are wall-clock hours, holidays included
        private final WorkClock urgent = WorkClock.start(at("2026-02-17T10:00"), Limit.hours(2));

        @Test
        void isDueAfterWallClockHoursEvenOnAHoliday() {
            assertThat(urgent.dueAt(calendar, at("2026-02-17T10:00"))).isEqualTo(at("2026-02-17T12:00"));
            assertThat(urgent.elapsed(calendar, at("2026-02-17T11:15"))).isEqualTo(Duration.ofMinutes(75));
        }

        @Test
        void pauseShiftsTheDueByWallTime() {
            WorkClock resumed = urgent.pause("等待现场核实", at("2026-02-17T10:30")).resume(at("2026-02-17T11:00"));

            assertThat(resumed.dueAt(calendar, at("2026-02-17T11:00"))).isEqualTo(at("2026-02-17T12:30"));
        }

        @Test
        void levelUsesTheRatioOnly() {
            // 80 % of 120 min = 96 min; "one working day left" would make a 2-hour clock yellow at once
            assertThat(urgent.level(calendar, at("2026-02-17T10:01"))).isEqualTo(ClockLevel.GREEN);
            assertThat(urgent.level(calendar, at("2026-02-17T11:35"))).isEqualTo(ClockLevel.GREEN);
            assertThat(urgent.level(calendar, at("2026-02-17T11:36"))).isEqualTo(ClockLevel.YELLOW);
            assertThat(urgent.level(calendar, at("2026-02-17T12:00:01"))).isEqualTo(ClockLevel.RED);
        }

        @Test
        void extendsInHoursButNotInWorkingDays() {
            assertThatThrownBy(() -> urgent.extend(1, "延期", at("2026-02-17T11:00")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("HOURS");
            WorkClock extended = urgent.extend(Limit.hours(1), "延期", at("2026-02-17T11:00"));
            assertThat(extended.dueAt(calendar, at("2026-02-17T11:00"))).isEqualTo(at("2026-02-17T13:00"));
        }
    }

    @Nested
    class ValueType {

        @Test
        void equalHistoriesGiveEqualClocks() {
            WorkClock one = WorkClock.start(at("2026-03-02T09:00"), Limit.workingDays(5))
                    .pause("补正", at("2026-03-03T09:00")).resume(at("2026-03-04T09:00"));
            WorkClock other = WorkClock.start(at("2026-03-02T09:00"), Limit.workingDays(5))
                    .pause("补正", at("2026-03-03T09:00")).resume(at("2026-03-04T09:00"));

            assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
            assertThat(one).isNotEqualTo(other.extend(1, "延期", at("2026-03-04T10:00")));
        }

        @Test
        void changesReturnNewClocksAndLeaveTheOriginalUntouched() {
            WorkClock running = WorkClock.start(at("2026-03-02T09:00"), Limit.workingDays(5));
            running.pause("补正", at("2026-03-03T09:00"));

            assertThat(running.paused()).isFalse();
            assertThatThrownBy(() -> running.pauses().add(new Pause("x", at("2026-03-03T09:00"), null)))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void theCanonicalConstructorRejectsInconsistentState() {
            Instant start = at("2026-03-02T09:00");
            Pause ongoing = new Pause("补正", at("2026-03-03T09:00"), null);
            Pause later = new Pause("听证", at("2026-03-05T09:00"), at("2026-03-06T09:00"));

            assertThatThrownBy(() -> new WorkClock(start, Limit.workingDays(5), List.of(ongoing, later), List.of(), null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("only the last pause");
            assertThatThrownBy(() -> new WorkClock(start, Limit.workingDays(5), List.of(ongoing), List.of(),
                    at("2026-03-04T09:00")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new WorkClock(start, Limit.workingDays(5), List.of(),
                    List.of(new Extension(Limit.hours(3), "延期", start)), null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(new WorkClock(start, Limit.workingDays(5), null, null, null))
                    .isEqualTo(WorkClock.start(start, Limit.workingDays(5)));
        }

        @Test
        void limitsAreValidated() {
            assertThatThrownBy(() -> Limit.workingDays(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Limit.hours(0)).isInstanceOf(IllegalArgumentException.class);
            WorkClock clock = WorkClock.start(at("2026-03-02T09:00"), Limit.workingDays(5));
            assertThatThrownBy(() -> clock.extend(0, "延期", at("2026-03-02T10:00")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> clock.extend(1, " ", at("2026-03-02T10:00")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void nothingHasElapsedBeforeTheStart() {
            WorkClock clock = WorkClock.start(at("2026-03-02T09:00"), Limit.workingDays(5));

            assertThat(clock.elapsed(calendar, at("2026-03-01T09:00"))).isZero();
            assertThat(clock.level(calendar, at("2026-03-01T09:00"))).isEqualTo(ClockLevel.GREEN);
        }
    }
}
