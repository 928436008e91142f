package dev.onewindow.evaluation;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.onewindow.evaluation.appeals.AppealService;
import dev.onewindow.evaluation.rectifications.RectificationService;
import dev.onewindow.evaluation.support.People;
import dev.onewindow.evaluation.support.People.Citizen;
import dev.onewindow.evaluation.support.Producers;
import dev.onewindow.evaluation.support.Ratings;
import dev.onewindow.evaluation.support.TestClockConfiguration;
import dev.onewindow.platform.personal.LookupHasher;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clocks that were open-ended: a fed-back rectification the rater never answers closes as satisfied by default
 * (默认满意) after five working days; an appeal nobody decides raises {@code appeal.overdue} once; a pending appeal
 * stops the rectification's clock, which runs again, later by the appeal's time, when the appeal is rejected. All on
 * the 2026 calendar.
 */
@IntegrationTest
class ClocksIT {

    @LocalServerPort
    int port;
    @Autowired
    LookupHasher hasher;
    @Autowired
    RectificationService rectificationService;
    @Autowired
    AppealService appealService;

    private ApiClient api() {
        return ApiClient.localPort(port);
    }

    @AfterEach
    void systemTime() {
        TestClockConfiguration.CLOCK.useSystemTime();
    }

    private JsonNode badRating(Citizen citizen, String dept, String entry) {
        Ratings ratings = new Ratings(api());
        String caseId = UUID.randomUUID().toString();
        Producers.caseCompleted(caseId, hasher.hashIdNumber(citizen.idNumber()), dept, entry, "PC_PORTAL",
                "DENIED");
        ratings.awaitInvitation(citizen.token(), caseId, "COMPLETION");
        return ratings.rated(citizen.token(), Ratings.rating("CASE", caseId, "COMPLETION", 2, List.of("SLOW")));
    }

    @Test
    void aFeedbackTheRaterNeverAnswersClosesAsSatisfiedByDefaultAfterFiveWorkingDays() {
        Citizen citizen = new Citizen("c-silent", "341302198203030010");
        Ratings ratings = new Ratings(api());
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 9, 21, 9, 0));
        String entry = "XK-SILENT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String id = badRating(citizen, "MZJ", entry).path("rectificationId").asString();
        String path = "/api/v1/evaluations/rectifications/" + id;
        String handler = People.handler("MZJ");
        ratings.step(handler, path + "/callback", Map.of("reached", true));
        // fed back on Monday 21 September; 25–27 September are the Mid-Autumn holidays: 22, 23, 24, 28, 29
        // September — the rater answers by the end of the 29th
        JsonNode fedBack = ratings.step(handler, path + "/feedback", Map.of("result", "RECTIFIED", "text", "已整改。"));
        assertThat(fedBack.path("confirmBy").asString()).isEqualTo("2026-09-29T16:00:00Z");

        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 9, 29, 23, 59));
        rectificationService.confirmDueByDefault();
        assertThat(ratings.read(handler, path).path("status").asString()).isEqualTo("FED_BACK");
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 9, 30, 0, 1));
        assertThat(rectificationService.confirmDueByDefault()).isGreaterThanOrEqualTo(1);
        assertThat(rectificationService.confirmDueByDefault()).as("once").isZero();

        JsonNode closed = ratings.read(handler, path);
        assertThat(closed.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(closed.path("confirmedByDefault").asBoolean()).isTrue();
        assertThat(closed.path("confirmBy").isNull()).isTrue();
        assertThat(api().post(path + "/confirmation").token(citizen.token()).json(Map.of("satisfied", false))
                .send().status()).as("too late to answer").isEqualTo(409);
        JsonNode month = ratings.read(People.evalAdmin(), "/api/v1/evaluations/statistics?dimension=ENTRY&key="
                + entry + "&period=2026-09");
        assertThat(month.path("rectified").asLong()).isEqualTo(1);
        assertThat(month.path("confirmedByDefault").asLong()).isEqualTo(1);
        try (TopicReader topic = TopicReader.fromBeginning("evaluation.rectification.events.v1")) {
            List<JsonNode> events = topic.awaitEvents(id, 2, Duration.ofSeconds(20));
            assertThat(events.get(1).path("type").asString()).isEqualTo("rectification.completed");
            assertThat(events.get(1).path("data").path("confirmedByDefault").asBoolean()).isTrue();
        }
    }

    @Test
    void aPendingAppealStopsTheRectificationsClockAndAnUndecidedOneIsRaisedOnce() {
        Citizen citizen = new Citizen("c-paused", "341302197601010010");
        Ratings ratings = new Ratings(api());
        // Monday 7 September 2026: due at the end of Monday 14 September
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 9, 7, 10, 0));
        JsonNode rating = badRating(citizen, "JTJ", "XK-PAUSE");
        String path = "/api/v1/evaluations/rectifications/" + rating.path("rectificationId").asString();
        String handler = People.handler("JTJ");
        assertThat(ratings.read(handler, path).path("dueAt").asString()).isEqualTo("2026-09-14T16:00:00Z");

        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 9, 8, 10, 0));
        Response filed = api().post("/api/v1/evaluations/appeals").token(handler).json(Map.of("ratingId",
                rating.path("id").asString(), "ground", "ERRONEOUS", "reason", "评价对象有误")).send();
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String appealId = filed.json().path("id").asString();
        assertThat(ratings.read(handler, path).path("pausedForAppeal").asBoolean()).isTrue();

        // the appeal's own limit (5 working days from Tuesday 8 September) runs out at the end of the 15th; the
        // rectification's original due instant (the 14th) passes meanwhile, but its clock is stopped
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 9, 15, 12, 0));
        rectificationService.raiseOverdue();
        assertThat(ratings.read(handler, path).path("overdue").asBoolean()).as("paused, not overdue").isFalse();
        assertThat(appealService.raiseOverdue()).as("not yet").isZero();
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 9, 16, 0, 5));
        assertThat(appealService.raiseOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(appealService.raiseOverdue()).as("raised once").isZero();
        try (TopicReader topic = TopicReader.fromBeginning("evaluation.appeal.events.v1")) {
            List<JsonNode> events = topic.awaitEvents(appealId, 2, Duration.ofSeconds(20));
            assertThat(events).extracting(e -> e.path("type").asString())
                    .containsExactly("appeal.filed", "appeal.overdue");
            JsonNode overdue = events.get(1);
            assertThat(overdue.path("data").path("dueAt").asString()).isEqualTo("2026-09-15T16:00:00Z");
        }

        // rejected on Wednesday 16 September at 10:00: the clock ran Monday 10:00–Tuesday 10:00 (one working day),
        // so it is due four working days after today: 17, 18, 20 (a Sunday worked for National Day), 21 September
        // — at the end of Monday 21 September, a week later than without the appeal
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 9, 16, 10, 0));
        ratings.step(People.evalAdmin(), "/api/v1/evaluations/appeals/" + appealId + "/decision",
                Map.of("upheld", false, "comment", "评价有效"));
        JsonNode resumed = ratings.read(handler, path);
        assertThat(resumed.path("pausedForAppeal").asBoolean()).isFalse();
        assertThat(resumed.path("dueAt").asString()).isEqualTo("2026-09-21T16:00:00Z");
        assertThat(resumed.path("overdue").asBoolean()).isFalse();
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 9, 21, 23, 55));
        rectificationService.raiseOverdue();
        assertThat(ratings.read(handler, path).path("overdue").asBoolean()).isFalse();
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 9, 22, 0, 5));
        assertThat(rectificationService.raiseOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(ratings.read(handler, path).path("overdue").asBoolean()).isTrue();
    }
}
