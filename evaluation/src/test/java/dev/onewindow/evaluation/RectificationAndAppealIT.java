package dev.onewindow.evaluation;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * 差评整改 and 申诉复核 over HTTP: a bad rating opens a rectification for the department, which calls back, feeds
 * back; the unsatisfied rater reopens it once, then it goes to supervision; an overdue rectification is raised once,
 * on the 2026 calendar; an upheld appeal takes the rating out of the statistics, which move as it all happens.
 */
@IntegrationTest
class RectificationAndAppealIT {

    private static final String RECTIFICATION_TOPIC = "evaluation.rectification.events.v1";

    @LocalServerPort
    int port;
    @Autowired
    LookupHasher hasher;
    @Autowired
    RectificationService rectificationService;

    private ApiClient api() {
        return ApiClient.localPort(port);
    }

    @AfterEach
    void systemTime() {
        TestClockConfiguration.CLOCK.useSystemTime();
    }

    /** A bad rating of a fresh case of {@code dept}, rated by {@code citizen}; answers the rating. */
    private JsonNode badRating(Citizen citizen, String dept, String entry, Map<String, Object> extra) {
        Ratings ratings = new Ratings(api());
        String caseId = UUID.randomUUID().toString();
        Producers.caseCompleted(caseId, hasher.hashIdNumber(citizen.idNumber()), dept, entry, "PC_PORTAL",
                "DENIED");
        ratings.awaitInvitation(citizen.token(), caseId, "COMPLETION");
        Map<String, Object> body = new java.util.HashMap<>(Ratings.rating("CASE", caseId, "COMPLETION", 1,
                List.of("SLOW", "REPEATED_VISITS")));
        body.putAll(extra);
        return ratings.rated(citizen.token(), body);
    }

    private JsonNode figures(String dimension, String key, String period) {
        return new Ratings(api()).read(People.evalAdmin(), "/api/v1/evaluations/statistics?dimension=" + dimension
                + "&key=" + key + "&period=" + period);
    }

    @Test
    void badRatingIsCalledBackFedBackReopenedOnceThenEscalated() {
        Citizen citizen = new Citizen("c-loop", "34130219880808007X");
        Ratings ratings = new Ratings(api());
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 6, 1, 10, 0));
        String entry = "XK-LOOP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        JsonNode rating = badRating(citizen, "YQSCJGJ", entry, Map.of("contactMobile", "13912345678",
                "text", "跑了三次，电话13912345678"));
        String id = rating.path("rectificationId").asString();
        assertThat(id).isNotBlank();
        String path = "/api/v1/evaluations/rectifications/" + id;
        String handler = People.handler("YQSCJGJ");

        JsonNode opened = ratings.read(handler, path);
        assertThat(opened.path("status").asString()).isEqualTo("OPEN");
        // 5 working days from Monday 2026-06-01: due at the end of Monday 2026-06-08
        assertThat(opened.path("dueAt").asString()).isEqualTo("2026-06-08T16:00:00Z");
        assertThat(api().get(path).token(People.handler("GAJ")).send().status()).isEqualTo(404);
        assertThat(ratings.read(handler, path + "/contact").path("mobile").asString()).isEqualTo("13912345678");
        assertThat(api().get(path + "/contact").token(People.handler("GAJ")).send().status()).isEqualTo(404);

        Response early = api().post(path + "/feedback").token(handler).json(Map.of("result", "RECTIFIED",
                "text", "已整改")).send();
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("code").asString()).isEqualTo("CALLBACK_REQUIRED");
        ratings.step(handler, path + "/callback", Map.of("reached", true, "note", "已电话联系申请人，说明情况"));
        ratings.step(handler, path + "/feedback", Map.of("result", "RECTIFIED", "text", "已优化材料清单，一次告知。"));
        JsonNode reopened = ratings.step(citizen.token(), path + "/confirmation", Map.of("satisfied", false));
        assertThat(reopened.path("status").asString()).isEqualTo("OPEN");
        assertThat(reopened.path("round").asInt()).isEqualTo(2);

        ratings.step(handler, path + "/callback", Map.of("reached", true));
        ratings.step(handler, path + "/feedback", Map.of("result", "EXPLAINED", "text", "依法需补充材料，已再次说明。"));
        assertThat(api().post(path + "/confirmation").token(new Citizen("c-other", "341302196609090081").token())
                .json(Map.of("satisfied", true)).send().status()).as("only the rater confirms").isEqualTo(404);
        assertThat(api().post(path + "/confirmation").token(People.evalAdmin()).json(Map.of("satisfied", true))
                .send().status()).as("a real-name rater confirms herself").isEqualTo(404);
        JsonNode escalated = ratings.step(citizen.token(), path + "/confirmation", Map.of("satisfied", false));
        assertThat(escalated.path("status").asString()).isEqualTo("ESCALATED");

        try (TopicReader topic = TopicReader.fromBeginning(RECTIFICATION_TOPIC)) {
            assertThat(topic.awaitEvents(id, 3, Duration.ofSeconds(20))).extracting(e -> e.path("type").asString())
                    .containsExactly("rectification.opened", "rectification.opened", "rectification.escalated");
        }
        JsonNode day = figures("ENTRY", entry, "2026-06-01");
        assertThat(day.path("counted").asLong()).isEqualTo(1);
        assertThat(day.path("bad").asLong()).isEqualTo(1);
        assertThat(day.path("satisfactionRate").asDouble()).isZero();
        assertThat(day.path("rectifications").asLong()).isEqualTo(1);
        assertThat(day.path("escalated").asLong()).isEqualTo(1);
        assertThat(day.path("callbacksDue").asLong()).isEqualTo(1);
        assertThat(day.path("callbackRate").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aRectificationSatisfiedOnTimeCountsAsRectifiedOnTime() {
        Citizen citizen = new Citizen("c-ontime", "341302197710100090");
        Ratings ratings = new Ratings(api());
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 6, 2, 10, 0));
        String entry = "XK-ONTIME-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String id = badRating(citizen, "RSJ", entry, Map.of()).path("rectificationId").asString();
        String path = "/api/v1/evaluations/rectifications/" + id;
        ratings.step(People.handler("RSJ"), path + "/callback", Map.of("reached", true));
        ratings.step(People.handler("RSJ"), path + "/feedback", Map.of("result", "RECTIFIED", "text", "已整改。"));
        JsonNode completed = ratings.step(citizen.token(), path + "/confirmation", Map.of("satisfied", true));
        assertThat(completed.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.path("onTime").asBoolean()).isTrue();
        JsonNode day = figures("ENTRY", entry, "2026-06-02");
        assertThat(day.path("rectificationRate").asDouble()).isEqualTo(1.0);
        assertThat(day.path("onTimeRectificationRate").asDouble()).isEqualTo(1.0);
        try (TopicReader topic = TopicReader.fromBeginning(RECTIFICATION_TOPIC)) {
            assertThat(topic.awaitEvents(id, 2, Duration.ofSeconds(20))).extracting(e -> e.path("type").asString())
                    .containsExactly("rectification.opened", "rectification.completed");
        }
    }

    @Test
    void aBadRatingAtTheWindowIsConfirmedThroughAnEvalAdminNeverTheDepartment() {
        Citizen citizen = new Citizen("c-window-bad", "341302198001010011");
        Ratings ratings = new Ratings(api());
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 6, 3, 10, 0));
        String caseId = UUID.randomUUID().toString();
        Producers.caseAccepted(caseId, hasher.hashIdNumber(citizen.idNumber()), "SCJGJ", "XK-WINDOW", "SERVICE_HALL");
        ratings.awaitInvitation(citizen.token(), caseId, "ACCEPTANCE");
        String code = api().post("/api/v1/evaluations/codes").token(People.officer("SCJGJ"))
                .json(Map.of("caseId", caseId)).send().json().path("code").asString();
        Response rated = api().post("/api/v1/evaluations/ratings/by-code").json(Map.of("code", code, "level", 1,
                "reasons", List.of("ATTITUDE"))).send();
        assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
        assertThat(rated.json().path("realName").asBoolean()).isFalse();
        String path = "/api/v1/evaluations/rectifications/" + rated.json().path("rectificationId").asString();
        // not real-name: no callback is required before the feedback
        ratings.step(People.handler("SCJGJ"), path + "/feedback", Map.of("result", "EXPLAINED", "text", "已说明。"));
        assertThat(api().post(path + "/confirmation").token(People.handler("SCJGJ")).json(Map.of("satisfied",
                true)).send().status()).as("the department never confirms its own work").isEqualTo(403);
        JsonNode completed = ratings.step(People.evalAdmin(), path + "/confirmation", Map.of("satisfied", true,
                "comment", "回访：满意"));
        assertThat(completed.path("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void anOverdueRectificationIsRaisedOnceOnThe2026Calendar() {
        Citizen citizen = new Citizen("c-overdue", "341302199311110100");
        Ratings ratings = new Ratings(api());
        // Wednesday before National Day: 1–7 October are holidays, Saturday 10 October is a make-up working day
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 9, 30, 10, 0));
        String id = badRating(citizen, "ZRZYJ", "XK-OVERDUE", Map.of()).path("rectificationId").asString();
        String path = "/api/v1/evaluations/rectifications/" + id;
        // 8, 9, 10 (Saturday, 调休), 12, 13 October: due at the end of Tuesday 13 October
        assertThat(ratings.read(People.handler("ZRZYJ"), path).path("dueAt").asString())
                .isEqualTo("2026-10-13T16:00:00Z");

        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 10, 9, 12, 0));
        rectificationService.raiseOverdue();
        assertThat(ratings.read(People.handler("ZRZYJ"), path).path("overdue").asBoolean())
                .as("weekdays alone would have it overdue by now; the calendar does not").isFalse();
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 10, 13, 23, 59));
        rectificationService.raiseOverdue();
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 10, 14, 0, 1));
        assertThat(rectificationService.raiseOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(rectificationService.raiseOverdue()).as("raised once").isZero();
        assertThat(ratings.read(People.handler("ZRZYJ"), path).path("overdue").asBoolean()).isTrue();
        try (TopicReader topic = TopicReader.fromBeginning(RECTIFICATION_TOPIC)) {
            List<JsonNode> events = topic.awaitEvents(id, 2, Duration.ofSeconds(20));
            assertThat(events).extracting(e -> e.path("type").asString())
                    .containsExactly("rectification.opened", "rectification.overdue");
            assertThat(events.get(1).path("data").path("dueAt").asString()).isEqualTo("2026-10-13T16:00:00Z");
        }
    }

    @Test
    void anUpheldAppealTakesTheRatingOutOfTheStatisticsAndKeepsItForAuditors() {
        Citizen citizen = new Citizen("c-appeal", "341302198001010011");
        Ratings ratings = new Ratings(api());
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 7, 6, 10, 0));
        String entry = "XK-APPEAL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        JsonNode rating = badRating(citizen, "WSJKW", entry, Map.of());
        String ratingId = rating.path("id").asString();
        JsonNode before = figures("ENTRY", entry, "2026-07");
        assertThat(before.path("counted").asLong()).isEqualTo(1);
        assertThat(before.path("rectifications").asLong()).isEqualTo(1);

        assertThat(api().post("/api/v1/evaluations/appeals").token(People.handler("GAJ")).json(Map.of("ratingId",
                ratingId, "ground", "MALICIOUS", "reason", "不是本部门")).send().status()).isEqualTo(400);
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 7, 8, 9, 0));
        Response filed = api().post("/api/v1/evaluations/appeals").token(People.handler("WSJKW")).json(Map.of(
                "ratingId", ratingId, "ground", "MALICIOUS", "reason", "评价内容与办件无关，系恶意差评。")).send();
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String appealId = filed.json().path("id").asString();
        assertThat(api().post("/api/v1/evaluations/appeals").token(People.handler("WSJKW")).json(Map.of(
                "ratingId", ratingId, "ground", "ERRONEOUS", "reason", "再次申诉")).send().status()).isEqualTo(409);

        JsonNode decided = ratings.step(People.evalAdmin(), "/api/v1/evaluations/appeals/" + appealId + "/decision",
                Map.of("upheld", true, "comment", "经核实属恶意差评"));
        assertThat(decided.path("status").asString()).isEqualTo("UPHELD");
        assertThat(decided.path("decidedOnTime").asBoolean()).isTrue();

        JsonNode after = figures("ENTRY", entry, "2026-07");
        assertThat(after.path("counted").asLong()).isZero();
        assertThat(after.path("bad").asLong()).isZero();
        assertThat(after.path("rectifications").asLong()).isZero();
        assertThat(after.path("excluded").asLong()).isEqualTo(1);
        JsonNode audited = ratings.read(People.auditor(), "/api/v1/evaluations/ratings/" + ratingId);
        assertThat(audited.path("excluded").asBoolean()).isTrue();
        assertThat(audited.path("level").asInt()).isEqualTo(1);
        assertThat(ratings.read(People.handler("WSJKW"), "/api/v1/evaluations/rectifications/"
                + rating.path("rectificationId").asString()).path("status").asString()).isEqualTo("WITHDRAWN");
        try (TopicReader topic = TopicReader.fromBeginning("evaluation.appeal.events.v1")) {
            List<JsonNode> events = topic.awaitEvents(appealId, 2, Duration.ofSeconds(20));
            assertThat(events).extracting(e -> e.path("type").asString())
                    .containsExactly("appeal.filed", "appeal.decided");
            // supervision pauses its own count of the rectification's clock from the filing, and stops it here
            String rectificationId = rating.path("rectificationId").asString();
            assertThat(events.get(0).path("data").path("rectificationId").asString()).isEqualTo(rectificationId);
            assertThat(events.get(0).path("data").path("filedAt").asString())
                    .isEqualTo(filed.json().path("filedAt").asString());
            assertThat(events.get(1).path("data").path("rectificationId").asString()).isEqualTo(rectificationId);
            assertThat(events.get(1).path("data").path("upheld").asBoolean()).isTrue();
        }
    }

    @Test
    void anAppealAfterThreeWorkingDaysIsTooLate() {
        Citizen citizen = new Citizen("c-late-appeal", "341302198512120028");
        // Thursday 2026-04-02; 4–6 April are the Qingming holidays: the window ends with Wednesday 8 April
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 4, 2, 10, 0));
        String ratingId = badRating(citizen, "SCJGJ", "XK-LATE", Map.of()).path("id").asString();
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 4, 9, 0, 1));
        Response late = api().post("/api/v1/evaluations/appeals").token(People.handler("SCJGJ")).json(Map.of(
                "ratingId", ratingId, "ground", "ERRONEOUS", "reason", "误评")).send();
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("code").asString()).isEqualTo("APPEAL_WINDOW_CLOSED");
    }

    @Test
    void theSummaryIsPublicCacheableAndCountsFromTheCounters() {
        Citizen citizen = new Citizen("c-summary", "341302199006060039");
        Ratings ratings = new Ratings(api());
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 11, 17, 10, 0));
        for (int level : List.of(5, 4, 1)) {
            String caseId = UUID.randomUUID().toString();
            Producers.caseCompleted(caseId, hasher.hashIdNumber(citizen.idNumber()), "SJZYJ", "XK-SUMMARY",
                    "MOBILE_APP", "APPROVED");
            ratings.awaitInvitation(citizen.token(), caseId, "COMPLETION");
            ratings.rated(citizen.token(), Ratings.rating("CASE", caseId, "COMPLETION", level,
                    level <= 2 ? List.of("ATTITUDE") : List.of()));
        }
        Response summary = api().get("/api/v1/evaluations/statistics/summary?period=2026-11-17").send();
        assertThat(summary.status()).as(summary.toString()).isEqualTo(200);
        assertThat(summary.header("Cache-Control")).contains("public").contains("max-age=60");
        JsonNode all = summary.json().path("all");
        assertThat(all.path("counted").asLong()).isEqualTo(3);
        assertThat(all.path("satisfactionRate").asDouble()).isEqualTo(0.6667);
        assertThat(summary.json().path("departments").toString()).contains("SJZYJ");
        assertThat(api().get("/api/v1/evaluations/statistics/summary?period=2026-13").send().status())
                .isEqualTo(400);
        // without a period, the month it is now: a publication page just asks for the summary
        Response thisMonth = api().get("/api/v1/evaluations/statistics/summary").send();
        assertThat(thisMonth.status()).as(thisMonth.toString()).isEqualTo(200);
        assertThat(thisMonth.json().path("period").asString()).isEqualTo("2026-11");
        assertThat(thisMonth.json().path("all").path("counted").asLong()).isGreaterThanOrEqualTo(3);
    }
}
