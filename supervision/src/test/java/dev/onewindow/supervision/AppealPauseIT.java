package dev.onewindow.supervision;

import java.time.Duration;
import java.util.UUID;

import dev.onewindow.platform.calendar.CalendarSource;
import dev.onewindow.platform.testkit.ConsumerLag;
import dev.onewindow.platform.testkit.Eventually;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.supervision.support.Watching;
import dev.onewindow.supervision.watch.Phases;
import dev.onewindow.supervision.watch.WatchService;
import dev.onewindow.supervision.watch.Watched;
import dev.onewindow.supervision.watch.WatchedClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static dev.onewindow.supervision.support.Producers.APPEAL_TOPIC;
import static dev.onewindow.supervision.support.Producers.appealEvent;
import static dev.onewindow.supervision.support.Producers.at;
import static dev.onewindow.supervision.support.Producers.rectificationEvent;
import static dev.onewindow.supervision.support.TestClockConfiguration.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 申诉期间暂停计时 in supervision's own count, from evaluation's real event shapes (its golden samples of
 * {@code rectification.opened}, {@code appeal.filed}, {@code appeal.decided}) on the real broker and the 2026
 * calendar: a rectification opened Monday 2 March 2026 with 5 working days is due at the end of Monday 9 March; an
 * appeal filed Tuesday 3 March 10:00 and rejected Thursday 5 March 10:00 took 2 working days, so it is due at the end
 * of Wednesday 11 March — and no RED is raised in between. An upheld appeal stops the clock for good.
 */
@IntegrationTest
class AppealPauseIT {

    private static final String GROUP = "supervision.watch-evaluation";

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
    void aPendingAppealPausesTheRectificationAndARejectionMovesItsDueInstantByTheAppealsWorkingTime() {
        Watching watching = new Watching(mongo);
        String rectification = UUID.randomUUID().toString();
        String appeal = UUID.randomUUID().toString();
        CLOCK.set(at(2026, 3, 2, 10, 0));
        rectificationEvent("rectification.opened", rectification, 1, at(2026, 3, 2, 10, 0),
                d -> d.put("openedAt", at(2026, 3, 2, 10, 0).toString()).put("department", "WSJKW"));
        watching.applied(Source.RECTIFICATION, rectification, 1);

        CLOCK.set(at(2026, 3, 3, 10, 0));
        Runnable filed = () -> appealEvent("appeal.filed", appeal, 1, at(2026, 3, 3, 10, 0), d -> d
                .put("rectificationId", rectification).put("department", "WSJKW")
                .put("filedAt", at(2026, 3, 3, 10, 0).toString()));
        filed.run();
        filed.run(); // delivered twice
        Eventually.holds(Duration.ofSeconds(30), () -> assertThat(clock(rectification).clock().paused()).isTrue());

        // Tuesday 10 March: without the pause it would be overdue since Monday's end; paused, nothing fires
        CLOCK.set(at(2026, 3, 10, 9, 0));
        watch.sweep();
        assertThat(watching.alerts(rectification)).isEmpty();
        assertThat(mongo.findById(Watched.idOf(Source.RECTIFICATION, rectification), Watched.class).nextFireAt())
                .isNull();

        // rejected on Thursday 5 March 10:00 (published late; decided as of then): the clock runs again
        appealEvent("appeal.decided", appeal, 2, at(2026, 3, 5, 10, 0), d -> d
                .put("rectificationId", rectification).put("department", "WSJKW").put("upheld", false)
                .put("filedAt", at(2026, 3, 3, 10, 0).toString()).put("decidedAt", at(2026, 3, 5, 10, 0).toString()));
        Eventually.holds(Duration.ofSeconds(30), () -> assertThat(clock(rectification).clock().paused()).isFalse());
        // the filing delivered once more after the decision must not pause it again
        filed.run();
        ConsumerLag.awaitCaughtUp(GROUP, APPEAL_TOPIC, Duration.ofSeconds(30));
        WatchedClock counted = clock(rectification);
        assertThat(counted.clock().paused()).isFalse();
        assertThat(counted.clock().pauses()).hasSize(1);
        assertThat(counted.clock().dueAt(calendar.current(), at(2026, 3, 10, 9, 0))).isEqualTo(at(2026, 3, 12, 0, 0));

        // judged as of Tuesday 10 March it is still within its limit (the event's instant); then it runs out
        watch.sweep();
        assertThat(watching.alerts(rectification)).doesNotContain("RECTIFICATION_OVERDUE OPEN");
        CLOCK.set(at(2026, 3, 11, 23, 59));
        watch.sweep();
        assertThat(watching.alerts(rectification)).containsExactly("DEADLINE_WARNING OPEN");
        CLOCK.set(at(2026, 3, 12, 0, 1));
        watch.sweep();
        watch.sweep();
        assertThat(watching.alerts(rectification)).containsExactly("DEADLINE_WARNING OPEN",
                "RECTIFICATION_OVERDUE OPEN");

        // the rater was not satisfied: round 2 opens; the old filing delivered once more leaves round 2 running
        CLOCK.set(at(2026, 3, 12, 9, 0));
        rectificationEvent("rectification.opened", rectification, 3, at(2026, 3, 12, 9, 0), d -> d
                .put("openedAt", at(2026, 3, 12, 9, 0).toString()).put("round", 2).put("department", "WSJKW"));
        watching.applied(Source.RECTIFICATION, rectification, 3);
        filed.run();
        ConsumerLag.awaitCaughtUp(GROUP, APPEAL_TOPIC, Duration.ofSeconds(30));
        assertThat(clock(rectification).round()).isEqualTo(2);
        assertThat(clock(rectification).clock().paused()).isFalse();
        assertThat(clock(rectification).clock().pauses()).isEmpty();
    }

    @Test
    void anUpheldAppealStopsTheClockEvenWhenItsFilingWasReadBeforeTheRectificationOpened() {
        Watching watching = new Watching(mongo);
        String rectification = UUID.randomUUID().toString();
        String appeal = UUID.randomUUID().toString();
        CLOCK.set(at(2026, 3, 3, 10, 0));
        // the appeal topic read ahead of the rectification topic (a replay): the pause waits for the opening
        appealEvent("appeal.filed", appeal, 1, at(2026, 3, 3, 10, 0), d -> d
                .put("rectificationId", rectification).put("department", "WSJKW")
                .put("filedAt", at(2026, 3, 3, 10, 0).toString()));
        ConsumerLag.awaitCaughtUp(GROUP, APPEAL_TOPIC, Duration.ofSeconds(30));
        rectificationEvent("rectification.opened", rectification, 1, at(2026, 3, 2, 10, 0),
                d -> d.put("openedAt", at(2026, 3, 2, 10, 0).toString()).put("department", "WSJKW"));
        watching.applied(Source.RECTIFICATION, rectification, 1);
        assertThat(clock(rectification).clock().paused()).isTrue();

        CLOCK.set(at(2026, 3, 6, 10, 0));
        Runnable upheld = () -> appealEvent("appeal.decided", appeal, 2, at(2026, 3, 6, 10, 0), d -> d
                .put("rectificationId", rectification).put("department", "WSJKW").put("upheld", true)
                .put("filedAt", at(2026, 3, 3, 10, 0).toString()).put("decidedAt", at(2026, 3, 6, 10, 0).toString()));
        upheld.run();
        upheld.run();
        Eventually.holds(Duration.ofSeconds(30), () -> assertThat(clock(rectification).running()).isFalse());
        // 1 working day counted (Monday 10:00 to Tuesday 10:00): stopped on time, nothing fires ever after
        assertThat(clock(rectification).clock().finishedOnTime(calendar.current())).isTrue();
        CLOCK.set(at(2026, 3, 20, 10, 0));
        watch.sweep();
        assertThat(watching.alerts(rectification)).isEmpty();
        assertThat(mongo.findById(Watched.idOf(Source.RECTIFICATION, rectification), Watched.class).nextFireAt())
                .isNull();
    }

    private WatchedClock clock(String rectification) {
        Watched matter = mongo.findById(Watched.idOf(Source.RECTIFICATION, rectification), Watched.class);
        assertThat(matter).isNotNull();
        assertThat(matter.clocks()).containsKey(Phases.RECTIFICATION);
        return matter.clocks().get(Phases.RECTIFICATION);
    }
}
