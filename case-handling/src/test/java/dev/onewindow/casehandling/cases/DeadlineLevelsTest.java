package dev.onewindow.casehandling.cases;

import java.time.Instant;
import java.util.List;

import dev.onewindow.platform.calendar.ClockLevel;
import org.junit.jupiter.api.Test;

import static dev.onewindow.casehandling.cases.CaseFixtures.OFFICER;
import static dev.onewindow.casehandling.cases.CaseFixtures.REVIEWER;
import static dev.onewindow.casehandling.cases.CaseFixtures.RULES;
import static dev.onewindow.casehandling.cases.CaseFixtures.aCase;
import static dev.onewindow.casehandling.cases.CaseFixtures.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worklist index gives a case the level its clock gives it: at the yellow instant the index stores (and one
 * millisecond either side of it), and at the due instant (and one millisecond either side), whichever yellow rule
 * fires first and however finely the clock started.
 */
class DeadlineLevelsTest {

    @Test
    void tenWorkingDaysTurnYellowAtEightyPercentAndRedAfterTheDueInstant() {
        Case c = aCase().accepted();
        Instant yellow = c.indexedYellowAt();
        Instant due = c.indexedDueAt();

        assertTheIndexGivesTheClocksLevel(c);
        assertThat(level(c, yellow.minusMillis(1))).isEqualTo(ClockLevel.GREEN);
        assertThat(level(c, yellow)).isEqualTo(ClockLevel.YELLOW);
        assertThat(level(c, due)).isEqualTo(ClockLevel.YELLOW);
        assertThat(level(c, due.plusMillis(1))).isEqualTo(ClockLevel.RED);
    }

    @Test
    void twoWorkingDaysTurnYellowWhenOneWorkingDayIsLeft() {
        // accepted Monday 2026-03-02 10:00: budget 14 h + 48 h; one working day left comes before 80 % used
        Case c = aCase().limit(2).submittedAt(shanghai(2026, 3, 2, 9)).accepted();
        assertThat(c.indexedYellowAt()).isEqualTo(shanghai(2026, 3, 4, 0));
        assertTheIndexGivesTheClocksLevel(c);
    }

    @Test
    void anImmediateItemIsYellowFromAcceptance() {
        Case c = aCase().limit(0).accepted();
        assertThat(level(c, c.indexedYellowAt())).isEqualTo(ClockLevel.YELLOW);
        assertThat(c.indexedYellowAt()).isEqualTo(c.clock().startedAt());
        assertTheIndexGivesTheClocksLevel(c);
    }

    @Test
    void aClockStartedWithinAMillisecondIsStoredToTheMillisecondOnTheRightSide() {
        Case c = aCase().submittedAt(shanghai(2026, 2, 13, 9).plusNanos(123_456_789)).accepted();
        assertThat(c.indexedYellowAt().getNano() % 1_000_000).as("MongoDB keeps milliseconds").isZero();
        assertTheIndexGivesTheClocksLevel(c);
    }

    @Test
    void aPausedClockKeepsItsLevelAndAResumedOneIsIndexedAgain() {
        Case c = aCase().inReview();
        Instant yellow = c.indexedYellowAt();
        c.requestSupplement(REVIEWER, List.of(new SupplementRequest.Item("M01", "补正")), null, RULES,
                yellow.plusSeconds(60));
        assertThat(c.indexedPausedLevel()).isEqualTo(ClockLevel.YELLOW);
        assertThat(c.indexedLevel(c.indexedDueAt().plusSeconds(86_400 * 30))).as("paused: frozen")
                .isEqualTo(ClockLevel.YELLOW);

        c.supplement(CaseFixtures.CITIZEN, List.of(Material.file("M01", "f", "a.pdf", "application/pdf", 1,
                yellow)), null, null, RULES, yellow.plusSeconds(3600));
        assertThat(c.indexedPausedLevel()).isNull();
        assertTheIndexGivesTheClocksLevel(c);
    }

    @Test
    void beforeAcceptanceThereIsNoLevel() {
        Case c = aCase().submitted();
        assertThat(c.indexedLevel(shanghai(2026, 2, 13, 12))).isNull();
        c.accept(OFFICER, RULES, shanghai(2026, 2, 13, 12));
        assertThat(c.indexedLevel(shanghai(2026, 2, 13, 12))).isEqualTo(ClockLevel.GREEN);
    }

    /**
     * At the index's yellow and due instants and one millisecond either side, the index and the clock agree (from
     * the last command on, when the index was written).
     */
    private static void assertTheIndexGivesTheClocksLevel(Case c) {
        Instant written = c.history().get(c.history().size() - 1).at();
        Instant yellow = c.indexedYellowAt();
        Instant due = c.indexedDueAt();
        for (Instant at : List.of(yellow.minusMillis(1), yellow, yellow.plusMillis(1), due.minusMillis(1), due,
                due.plusMillis(1))) {
            if (at.isBefore(written)) {
                continue;
            }
            assertThat(c.indexedLevel(at)).as("level at %s (yellow %s, due %s)", at, yellow, due)
                    .isEqualTo(level(c, at));
        }
    }

    private static ClockLevel level(Case c, Instant at) {
        return c.clock().level(RULES.calendar(), at, RULES.thresholds());
    }
}
