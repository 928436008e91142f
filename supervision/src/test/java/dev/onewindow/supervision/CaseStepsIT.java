package dev.onewindow.supervision;

import java.util.List;
import java.util.UUID;

import dev.onewindow.platform.calendar.CalendarSource;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.supervision.support.Watching;
import dev.onewindow.supervision.watch.Alert;
import dev.onewindow.supervision.watch.AlertKind;
import dev.onewindow.supervision.watch.Phases;
import dev.onewindow.supervision.watch.WatchService;
import dev.onewindow.supervision.watch.Watched;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static dev.onewindow.supervision.support.Producers.at;
import static dev.onewindow.supervision.support.Producers.caseEvent;
import static dev.onewindow.supervision.support.TestClockConfiguration.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 环节时限 from case-handling's real events (its golden samples: {@code case.accepted} with the entry version's steps
 * 受理 1, 审查 5, 决定 4 working days, and {@code case.review-started}) on the real broker and the 2026 calendar. A
 * case accepted Monday 2 March 2026 10:00 has its first step due at the end of Tuesday 3 March; reviewed only from
 * Wednesday 4 March 10:00, that step ran over ({@code STEP_OVER_LIMIT}, once). The review step (审查 + 决定: 9 working
 * days) is due at the end of Tuesday 17 March, a day later for a day's suspension: Wednesday 18 March; decided on
 * Thursday 19 March, it ran over too. No step raises a warning.
 */
@IntegrationTest
class CaseStepsIT {

    @Autowired
    WatchService watch;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    CalendarSource calendar;

    @AfterEach
    void systemTime() {
        CLOCK.useSystemTime();
    }

    @Test
    void eachProcessStepOfACaseIsWatchedOnItsOwnLimitAndFlaggedOnceWhenItRunsOver() {
        Watching watching = new Watching(mongo);
        String caseId = UUID.randomUUID().toString();
        String matter = Watched.idOf(Source.CASE, caseId);
        CLOCK.set(at(2026, 3, 2, 10, 0));
        caseEvent("case.submitted", caseId, 1, at(2026, 3, 2, 9, 0), d -> d
                .put("submittedAt", at(2026, 3, 2, 9, 0).toString()));
        caseEvent("case.accepted", caseId, 2, at(2026, 3, 2, 10, 0), d -> d
                .put("acceptedAt", at(2026, 3, 2, 10, 0).toString()).put("limitWorkingDays", 10));
        Watched accepted = watching.applied(Source.CASE, caseId, 2);
        assertThat(accepted.clocks().get(Phases.STEP1).clock().dueAt(calendar.current(), at(2026, 3, 2, 10, 0)))
                .isEqualTo(at(2026, 3, 4, 0, 0));
        assertThat(accepted.clocks()).doesNotContainKey(Phases.STEP2);

        CLOCK.set(at(2026, 3, 3, 23, 59));
        watch.sweep();
        assertThat(stepAlerts(caseId)).as("a step of 1 working day raises no warning").isEmpty();
        CLOCK.set(at(2026, 3, 4, 0, 1));
        watch.sweep();
        watch.sweep();
        assertThat(stepAlerts(caseId)).containsExactly("STEP1 STEP_OVER_LIMIT OPEN");

        // the review starts on Wednesday 4 March: the first step ends (late), the review step runs 9 working days
        CLOCK.set(at(2026, 3, 4, 10, 0));
        Runnable reviewStarted = () -> caseEvent("case.review-started", caseId, 3, at(2026, 3, 4, 10, 0), d -> d
                .put("reviewStartedAt", at(2026, 3, 4, 10, 0).toString()));
        reviewStarted.run();
        watching.applied(Source.CASE, caseId, 3);
        assertThat(stepAlerts(caseId)).containsExactly("STEP1 STEP_OVER_LIMIT CLEARED");
        caseEvent("case.suspended", caseId, 4, at(2026, 3, 5, 10, 0), d -> d.put("procedure", "现场核查"));
        caseEvent("case.resumed", caseId, 5, at(2026, 3, 6, 10, 0), d -> { });
        reviewStarted.run(); // delivered again: nothing changes
        Watched reviewing = watching.applied(Source.CASE, caseId, 5);
        assertThat(reviewing.clocks().get(Phases.STEP2).round()).isEqualTo(1);
        assertThat(reviewing.clocks().get(Phases.STEP2).clock().dueAt(calendar.current(), at(2026, 3, 6, 10, 0)))
                .isEqualTo(at(2026, 3, 19, 0, 0));

        CLOCK.set(at(2026, 3, 18, 23, 59));
        watch.sweep();
        assertThat(stepAlerts(caseId)).containsExactly("STEP1 STEP_OVER_LIMIT CLEARED");
        CLOCK.set(at(2026, 3, 19, 0, 1));
        watch.sweep();
        watch.sweep();
        assertThat(stepAlerts(caseId)).containsExactly("STEP1 STEP_OVER_LIMIT CLEARED",
                "STEP2 STEP_OVER_LIMIT OPEN");
        Alert review = mongo.findById(Alert.idOf(matter, Phases.STEP2, 1, AlertKind.STEP_OVER_LIMIT), Alert.class);
        assertThat(review.dueAt()).isEqualTo(at(2026, 3, 19, 0, 0));

        // decided on Thursday 19 March: the review step ends, its flag is cleared; the handling clock runs on
        CLOCK.set(at(2026, 3, 19, 10, 0));
        caseEvent("case.approved", caseId, 6, at(2026, 3, 19, 10, 0), d -> { });
        Watched decided = watching.applied(Source.CASE, caseId, 6);
        assertThat(decided.clocks().get(Phases.STEP2).running()).isFalse();
        assertThat(decided.clocks().get(Phases.HANDLING).running()).isTrue();
        assertThat(stepAlerts(caseId)).containsExactly("STEP1 STEP_OVER_LIMIT CLEARED",
                "STEP2 STEP_OVER_LIMIT CLEARED");
    }

    /** The alerts of the case's step clocks: {@code phase kind status}, oldest first. */
    private List<String> stepAlerts(String caseId) {
        return mongo.find(Query.query(Criteria.where("subjectId").is(caseId).and("phase")
                .in(Phases.STEP1, Phases.STEP2)), Alert.class).stream()
                .sorted(java.util.Comparator.comparing(Alert::raisedAt))
                .map(a -> a.phase() + " " + a.kind() + " " + a.status()).toList();
    }
}
