package dev.onewindow.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TopicReader;
import dev.onewindow.supervision.orders.OrderService;
import dev.onewindow.supervision.support.People;
import dev.onewindow.supervision.support.Watching;
import dev.onewindow.supervision.watch.Alert;
import dev.onewindow.supervision.watch.AlertKind;
import dev.onewindow.supervision.watch.Phases;
import dev.onewindow.supervision.watch.WatchService;
import dev.onewindow.supervision.watch.Watched;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import static dev.onewindow.supervision.support.Producers.at;
import static dev.onewindow.supervision.support.Producers.caseEvent;
import static dev.onewindow.supervision.support.TestClockConfiguration.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watch against the real broker and case-handling's real event contract, on the 2026 calendar: a case accepted
 * on Monday 2 March 2026 with 5 working days, suspended for exactly one working day and extended by 2 working days, is
 * due at the end of Thursday 12 March (not Monday 9 March); it turns YELLOW at 80 % of its budget and RED after its due
 * instant, each once, through redeliveries and a full replay onto a lost projection; the RED opens a 督办单; the
 * completion clears both alerts.
 */
@IntegrationTest
class WatchIT {

    private static final String ALERT_TOPIC = "supervision.alert.events.v1";

    @LocalServerPort
    int port;
    @Autowired
    WatchService watch;
    @Autowired
    OrderService orders;
    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void systemTime() {
        CLOCK.useSystemTime();
    }

    @Test
    void aCasePastItsRecountedDueInstantRaisesYellowThenRedOnceEachAndTheRedOpensAnOrder() {
        Watching watching = new Watching(mongo);
        String caseId = UUID.randomUUID().toString();
        CLOCK.set(at(2026, 3, 2, 10, 0));
        List<Runnable> history = List.of(
                () -> caseEvent("case.submitted", caseId, 1, at(2026, 3, 2, 9, 0), d -> d
                        .put("region", "341302").put("departmentCode", "YQSCJGJ")
                        .put("submittedAt", at(2026, 3, 2, 9, 0).toString())),
                () -> caseEvent("case.accepted", caseId, 2, at(2026, 3, 2, 10, 0), d -> {
                    d.put("region", "341302").put("departmentCode", "YQSCJGJ")
                            .put("acceptedAt", at(2026, 3, 2, 10, 0).toString()).put("limitWorkingDays", 5)
                            // case-handling's own due instant: supervision never reads it
                            .put("dueAt", at(2026, 3, 3, 0, 0).toString());
                    d.putArray("steps"); // an entry version without process steps (CaseStepsIT watches them)
                }),
                () -> caseEvent("case.suspended", caseId, 3, at(2026, 3, 4, 10, 0), d -> d
                        .put("region", "341302").put("departmentCode", "YQSCJGJ")),
                () -> caseEvent("case.resumed", caseId, 4, at(2026, 3, 5, 10, 0), d -> d
                        .put("region", "341302").put("departmentCode", "YQSCJGJ")),
                () -> caseEvent("case.extended", caseId, 5, at(2026, 3, 5, 10, 0), d -> d
                        .put("region", "341302").put("departmentCode", "YQSCJGJ").put("workingDays", 2)));
        history.forEach(Runnable::run);
        Watched matter = watching.applied(Source.CASE, caseId, 5);
        var clock = matter.clocks().get(Phases.HANDLING).clock();
        assertThat(clock.pauses()).hasSize(1);
        assertThat(clock.extensions()).hasSize(1);
        assertThat(matter.clocks().get(Phases.ACCEPTANCE).clock().stopped()).isTrue();

        // Tuesday 10 March, 23:00: without the pause and the extension it would be overdue; it is still green
        CLOCK.set(at(2026, 3, 10, 23, 0));
        watch.sweep();
        assertThat(watching.alerts(caseId)).isEmpty();

        // 80 % of 182 h of working time is used on Wednesday 11 March at 11:36
        CLOCK.set(at(2026, 3, 11, 11, 30));
        watch.sweep();
        assertThat(watching.alerts(caseId)).isEmpty();
        CLOCK.set(at(2026, 3, 11, 11, 40));
        watch.sweep();
        watch.sweep();
        assertThat(watching.alerts(caseId)).containsExactly("DEADLINE_WARNING OPEN");

        // due at the end of Thursday 12 March (Asia/Shanghai)
        CLOCK.set(at(2026, 3, 12, 23, 59));
        watch.sweep();
        assertThat(watching.alerts(caseId)).containsExactly("DEADLINE_WARNING OPEN");
        CLOCK.set(at(2026, 3, 13, 0, 1));
        watch.sweep();
        watch.sweep();
        assertThat(watching.alerts(caseId)).containsExactly("DEADLINE_WARNING OPEN", "DEADLINE_OVERDUE OPEN");
        // a supervisor of the city reads this case's alerts, newest first; one of another city reads none
        assertThat(ApiClient.localPort(port).get("/api/v1/supervision/alerts?subjectId=" + caseId)
                .token(People.supervisor("341300")).send().json().path("items").findValuesAsString("kind"))
                .containsExactly("DEADLINE_OVERDUE", "DEADLINE_WARNING");
        assertThat(ApiClient.localPort(port).get("/api/v1/supervision/alerts?subjectId=" + caseId)
                .token(People.supervisor("340100")).send().json().path("items").findValuesAsString("kind")).isEmpty();
        Alert red = mongo.findById(Alert.idOf(Watched.idOf(Source.CASE, caseId), Phases.HANDLING, 1,
                AlertKind.DEADLINE_OVERDUE), Alert.class);
        assertThat(red.dueAt()).isEqualTo(at(2026, 3, 13, 0, 0));
        assertThat(red.department()).isEqualTo("YQSCJGJ");
        assertThat(watching.orders(caseId)).singleElement().satisfies(order -> {
            assertThat(order.getString("severity")).isEqualTo("BLUE");
            assertThat(order.getString("department")).isEqualTo("YQSCJGJ");
            // 2 working days from Friday 13 March: the end of Tuesday 17 March
            assertThat(order.getDate("replyDueAt").toInstant()).isEqualTo(at(2026, 3, 18, 0, 0));
        });
        assertThat(mongo.findById(Watched.idOf(Source.CASE, caseId), Watched.class).nextFireAt()).isNull();

        // every event delivered again, then a barrier event: nothing new
        history.forEach(Runnable::run);
        caseEvent("case.approved", caseId, 6, at(2026, 3, 13, 0, 5), d -> d.put("region", "341302")
                .put("departmentCode", "YQSCJGJ"));
        watching.applied(Source.CASE, caseId, 6);
        watch.sweep();
        assertThat(watching.alerts(caseId)).hasSize(2);

        // the projection lost, the whole history replayed: the same alerts, the same order
        mongo.remove(mongo.findById(Watched.idOf(Source.CASE, caseId), Watched.class));
        history.forEach(Runnable::run);
        caseEvent("case.approved", caseId, 6, at(2026, 3, 13, 0, 5), d -> d.put("region", "341302")
                .put("departmentCode", "YQSCJGJ"));
        watching.applied(Source.CASE, caseId, 6);
        watch.sweep();
        assertThat(watching.alerts(caseId)).containsExactly("DEADLINE_WARNING OPEN", "DEADLINE_OVERDUE OPEN");
        assertThat(watching.orders(caseId)).hasSize(1);

        // the case completes: its clock stops, both alerts are cleared (the order stays: the department answers)
        caseEvent("case.completed", caseId, 7, at(2026, 3, 13, 9, 0), d -> d.put("region", "341302")
                .put("departmentCode", "YQSCJGJ").put("onTime", false).put("outcome", "APPROVED"));
        watching.applied(Source.CASE, caseId, 7);
        assertThat(watching.alerts(caseId)).containsExactly("DEADLINE_WARNING CLEARED", "DEADLINE_OVERDUE CLEARED");
        try (TopicReader topic = TopicReader.fromBeginning(ALERT_TOPIC)) {
            List<JsonNode> events = topic.awaitEvents(red.id(), 2, Duration.ofSeconds(30));
            assertThat(events).extracting(e -> e.path("type").asString())
                    .containsExactly("alert.raised", "alert.cleared");
            assertThat(events.get(0).path("data").path("level").asString()).isEqualTo("RED");
            assertThat(events.get(0).path("region").asString()).isEqualTo("341302");
        }
    }

    @Test
    void aCaseNeitherAcceptedNorSentBackWithinFiveWorkingDaysIsFlaggedOnce() {
        Watching watching = new Watching(mongo);
        String waiting = UUID.randomUUID().toString();
        String sentBack = UUID.randomUUID().toString();
        CLOCK.set(at(2026, 3, 2, 9, 30));
        caseEvent("case.submitted", waiting, 1, at(2026, 3, 2, 9, 0), d -> d
                .put("submittedAt", at(2026, 3, 2, 9, 0).toString()));
        caseEvent("case.submitted", sentBack, 1, at(2026, 3, 2, 9, 0), d -> d
                .put("submittedAt", at(2026, 3, 2, 9, 0).toString()));
        caseEvent("case.supplement-requested", sentBack, 2, at(2026, 3, 4, 9, 0), d -> d.put("phase", "ACCEPTANCE"));
        watching.applied(Source.CASE, waiting, 1);
        watching.applied(Source.CASE, sentBack, 2);

        // submitted Monday 2 March: the window ends with Monday 9 March
        CLOCK.set(at(2026, 3, 9, 23, 0));
        watch.sweep();
        assertThat(watching.alerts(waiting)).containsExactly("DEADLINE_WARNING OPEN");
        CLOCK.set(at(2026, 3, 10, 0, 30));
        watch.sweep();
        watch.sweep();
        assertThat(watching.alerts(waiting)).containsExactly("DEADLINE_WARNING OPEN", "ACCEPTANCE_OVERDUE OPEN");
        assertThat(watching.alerts(sentBack)).isEmpty();
        Instant now = Instant.now();
        assertThat(now).isAfter(at(2026, 1, 1, 0, 0));
    }
}
