package dev.onewindow.evaluation;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.onewindow.evaluation.ratings.RatingService;
import dev.onewindow.evaluation.support.People;
import dev.onewindow.evaluation.support.People.Citizen;
import dev.onewindow.evaluation.support.Producers;
import dev.onewindow.evaluation.support.Ratings;
import dev.onewindow.evaluation.support.TestClockConfiguration;
import dev.onewindow.platform.personal.LookupHasher;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.ConsumerLag;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 办件100%评价 over HTTP with real tokens and the real broker: every case completion (approved, denied, rejected) and
 * every closed work order invites its applicant or caller; a rating is given once per matter and stage, with reasons
 * when bad; one 追评 within 30 days; a rating code at the window rates once without signing in; an unanswered
 * invitation is reminded once.
 */
@IntegrationTest
class InvitationsAndRatingIT {

    private static final String RATING_TOPIC = "evaluation.rating.events.v1";

    @LocalServerPort
    int port;
    @Autowired
    LookupHasher hasher;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    RatingService ratingService;

    private ApiClient api() {
        return ApiClient.localPort(port);
    }

    @AfterEach
    void systemTime() {
        TestClockConfiguration.CLOCK.useSystemTime();
    }

    @Test
    void everyCaseOutcomeAndEveryClosedWorkOrderInvitesItsApplicantOrCaller() {
        Citizen citizen = new Citizen("c-outcomes", "341302198001010011");
        Ratings ratings = new Ratings(api());
        for (String outcome : List.of("APPROVED", "DENIED", "REJECTED")) {
            String caseId = UUID.randomUUID().toString();
            Producers.caseCompleted(caseId, hasher.hashIdNumber(citizen.idNumber()), "SCJGJ",
                    "XK00105000341300SCJGJ", "MOBILE_APP", outcome);
            JsonNode invitation = ratings.awaitInvitation(citizen.token(), caseId, "COMPLETION");
            assertThat(invitation.path("outcome").asString()).isEqualTo(outcome);
            assertThat(invitation.path("status").asString()).isEqualTo("INVITED");
            try (TopicReader topic = TopicReader.fromBeginning(RATING_TOPIC)) {
                JsonNode invited = topic.awaitEvents(invitation.path("id").asString(), 1, Duration.ofSeconds(20))
                        .get(0);
                assertThat(invited.path("type").asString()).isEqualTo("rating.invited");
                assertThat(invited.path("data").path("raterRef").asString())
                        .isEqualTo(hasher.hashIdNumber(citizen.idNumber()));
            }
        }

        // a work order filed by a signed-in citizen: the caller is known by the token subject
        String orderId = UUID.randomUUID().toString();
        Producers.workOrderClosed(orderId, "caller-subject-1", "GAJ", false);
        JsonNode invitation = ratings.awaitInvitation(People.citizenBySubject("caller-subject-1"), orderId,
                "COMPLETION");
        assertThat(invitation.path("department").asString()).isEqualTo("GAJ");
        assertThat(invitation.path("subjectType").asString()).isEqualTo("WORK_ORDER");
        JsonNode rated = ratings.rated(People.citizenBySubject("caller-subject-1"), Ratings.rating("WORK_ORDER",
                orderId, "COMPLETION", 5, List.of()));
        assertThat(rated.path("serviceChannel").asString()).isEqualTo("HOTLINE_12345");
        assertThat(ratings.rate(People.citizenBySubject("caller-subject-2"), Ratings.rating("WORK_ORDER", orderId,
                "COMPLETION", 5, List.of())).status()).as("another caller").isEqualTo(404);

        // an anonymous caller left nobody to invite; a redelivered completion invites nobody twice
        String anonymousOrder = UUID.randomUUID().toString();
        Producers.workOrderClosed(anonymousOrder, null, "GAJ", true);
        // a bundle is rated through its members, not once more as a whole
        String bundle = UUID.randomUUID().toString();
        Producers.caseCompleted(bundle, "BUNDLE", hasher.hashIdNumber(citizen.idNumber()), "SJZYJ",
                "XK-BUNDLE", "PC_PORTAL", "APPROVED");
        String again = UUID.randomUUID().toString();
        Producers.caseCompleted(again, hasher.hashIdNumber(citizen.idNumber()), "SCJGJ", "XK00105000341300SCJGJ",
                "PC_PORTAL", "APPROVED");
        Producers.caseCompleted(again, hasher.hashIdNumber(citizen.idNumber()), "SCJGJ", "XK00105000341300SCJGJ",
                "PC_PORTAL", "APPROVED");
        ratings.awaitInvitation(citizen.token(), again, "COMPLETION");
        ConsumerLag.awaitCaughtUp("evaluation.workorder-invitations", Producers.ORDER_TOPIC, Duration.ofSeconds(20));
        ConsumerLag.awaitCaughtUp("evaluation.case-invitations", Producers.CASE_TOPIC, Duration.ofSeconds(20));
        assertThat(mongo.count(Query.query(Criteria.where("subjectId").is(anonymousOrder)), "ratings")).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("subjectId").is(bundle)), "ratings")).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("subjectId").is(again)), "ratings")).isOne();
    }

    @Test
    void aMatterIsRatedOnceWithReasonsWhenBadAndNothingIsStoredWhenRefused() {
        Citizen citizen = new Citizen("c-once", "341302198512120028");
        Citizen stranger = new Citizen("c-stranger", "341302199006060039");
        Ratings ratings = new Ratings(api());
        String caseId = UUID.randomUUID().toString();
        Producers.caseCompleted(caseId, hasher.hashIdNumber(citizen.idNumber()), "RSJ", "XK00201000341300RSJ",
                "PC_PORTAL", "APPROVED");
        String ratingId = ratings.awaitInvitation(citizen.token(), caseId, "COMPLETION").path("id").asString();

        Response noReason = ratings.rate(citizen.token(), Ratings.rating("CASE", caseId, "COMPLETION", 2,
                List.of()));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        assertThat(noReason.json().path("code").asString()).isEqualTo("REASON_REQUIRED");
        Response unknownReason = ratings.rate(citizen.token(), Ratings.rating("CASE", caseId, "COMPLETION", 1,
                List.of("NOT_ON_THE_LIST")));
        assertThat(unknownReason.json().path("code").asString()).isEqualTo("UNKNOWN_REASON");
        assertThat(ratings.rate(citizen.token(), Ratings.rating("CASE", caseId, "COMPLETION", 6, List.of()))
                .status()).isEqualTo(400);
        // only the applicant rates: for anyone else the matter does not exist
        assertThat(ratings.rate(stranger.token(), Ratings.rating("CASE", caseId, "COMPLETION", 5, List.of()))
                .status()).isEqualTo(404);
        assertThat(mongo.findById(ratingId, org.bson.Document.class, "ratings").getString("status"))
                .isEqualTo("INVITED");

        JsonNode rated = ratings.rated(citizen.token(), Ratings.rating("CASE", caseId, "COMPLETION", 4,
                List.of()));
        assertThat(rated.path("level").asInt()).isEqualTo(4);
        assertThat(rated.path("bad").asBoolean()).isFalse();
        assertThat(rated.path("ratingChannel").asString()).isEqualTo("MOBILE_APP");
        Response second = ratings.rate(citizen.token(), Ratings.rating("CASE", caseId, "COMPLETION", 1,
                List.of("ATTITUDE")));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().path("code").asString()).isEqualTo("ALREADY_RATED");
        assertThat(ratings.read(citizen.token(), "/api/v1/evaluations/ratings/" + ratingId).path("level").asInt())
                .isEqualTo(4);
        try (TopicReader topic = TopicReader.fromBeginning(RATING_TOPIC)) {
            List<JsonNode> events = topic.awaitEvents(ratingId, 2, Duration.ofSeconds(20));
            assertThat(events).extracting(e -> e.path("type").asString())
                    .containsExactly("rating.invited", "rating.submitted");
        }
    }

    @Test
    void oneFollowUpWithinThirtyDaysNoneAfter() {
        Citizen citizen = new Citizen("c-followup", "34130219920303004X");
        Ratings ratings = new Ratings(api());
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 3, 2, 9, 0));
        String within = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        for (String caseId : List.of(within, after)) {
            Producers.caseCompleted(caseId, hasher.hashIdNumber(citizen.idNumber()), "WSJKW", "XK00301000341300WSJKW",
                    "MOBILE_APP", "APPROVED");
            ratings.awaitInvitation(citizen.token(), caseId, "COMPLETION");
        }
        String first = ratings.rated(citizen.token(), Ratings.rating("CASE", within, "COMPLETION", 5, List.of()))
                .path("id").asString();
        String second = ratings.rated(citizen.token(), Ratings.rating("CASE", after, "COMPLETION", 3, List.of()))
                .path("id").asString();

        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 3, 31, 9, 0));
        JsonNode followed = ratings.step(citizen.token(), "/api/v1/evaluations/ratings/" + first + "/follow-up",
                Map.of("text", "后续领证也很顺利。"));
        assertThat(followed.path("followUp").asString()).isEqualTo("后续领证也很顺利。");
        Response again = api().post("/api/v1/evaluations/ratings/" + first + "/follow-up").token(citizen.token())
                .json(Map.of("text", "再补充一句")).send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asString()).isEqualTo("ALREADY_FOLLOWED_UP");

        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 4, 2, 9, 1));
        Response late = api().post("/api/v1/evaluations/ratings/" + second + "/follow-up").token(citizen.token())
                .json(Map.of("text", "补充")).send();
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("code").asString()).isEqualTo("FOLLOW_UP_CLOSED");
        assertThat(mongo.findById(second, org.bson.Document.class, "ratings").get("followUp")).isNull();
    }

    @Test
    void aRatingCodeAtTheWindowRatesOnceWithoutSigningIn() {
        Citizen citizen = new Citizen("c-window", "341302199505050054");
        Ratings ratings = new Ratings(api());
        String caseId = UUID.randomUUID().toString();
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 3, 3, 10, 0));
        // accepted at the window: the service is rated at once (一次一评)
        Producers.caseAccepted(caseId, hasher.hashIdNumber(citizen.idNumber()), "SCJGJ", "XK00105000341300SCJGJ",
                "SERVICE_HALL");
        String ratingId = ratings.awaitInvitation(citizen.token(), caseId, "ACCEPTANCE").path("id").asString();

        assertThat(api().post("/api/v1/evaluations/codes").token(People.officer("GAJ")).json(Map.of("caseId",
                caseId)).send().status()).as("an officer of another department").isEqualTo(404);
        Response issued = api().post("/api/v1/evaluations/codes").token(People.officer("SCJGJ"))
                .json(Map.of("caseId", caseId)).send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String code = issued.json().path("code").asString();
        assertThat(issued.json().path("ratingId").asString()).isEqualTo(ratingId);
        assertThat(mongo.count(Query.query(Criteria.where("_id").is(code)), "rating_codes"))
                .as("the code is stored hashed only").isZero();

        Response bad = api().post("/api/v1/evaluations/ratings/by-code").json(Map.of("code", code, "level", 2))
                .send();
        assertThat(bad.status()).as("a bad rating without reasons is refused, and the code stays unused")
                .isEqualTo(400);
        Response rated = api().post("/api/v1/evaluations/ratings/by-code").json(Map.of("code", code, "level", 5))
                .send();
        assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
        assertThat(rated.json().path("ratingChannel").asString()).isEqualTo("SERVICE_HALL");
        assertThat(rated.json().path("officer").asString()).isEqualTo("officer-scjgj");
        Response reused = api().post("/api/v1/evaluations/ratings/by-code").json(Map.of("code", code, "level", 1,
                "reasons", List.of("ATTITUDE"))).send();
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json().path("code").asString()).isEqualTo("CODE_USED");

        // a code not redeemed within its 30 minutes is gone
        String other = UUID.randomUUID().toString();
        Producers.caseCompleted(other, hasher.hashIdNumber(citizen.idNumber()), "SCJGJ", "XK00105000341300SCJGJ",
                "SERVICE_HALL", "APPROVED");
        ratings.awaitInvitation(citizen.token(), other, "COMPLETION");
        String expiring = api().post("/api/v1/evaluations/codes").token(People.officer("SCJGJ"))
                .json(Map.of("caseId", other)).send().json().path("code").asString();
        TestClockConfiguration.CLOCK.advance(Duration.ofMinutes(31));
        Response expired = api().post("/api/v1/evaluations/ratings/by-code").json(Map.of("code", expiring,
                "level", 4)).send();
        assertThat(expired.status()).isEqualTo(410);
        assertThat(api().post("/api/v1/evaluations/ratings/by-code").json(Map.of("code", "0000000000000000",
                "level", 4)).send().status()).isEqualTo(404);
    }

    @Test
    void anUnansweredInvitationIsRemindedOnceAfterThreeDays() {
        Citizen citizen = new Citizen("c-remind", "341302197007070061");
        Ratings ratings = new Ratings(api());
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 3, 9, 9, 0));
        String caseId = UUID.randomUUID().toString();
        Producers.caseCompleted(caseId, hasher.hashIdNumber(citizen.idNumber()), "ZRZYJ", "XK00401000341300ZRZYJ",
                "PC_PORTAL", "APPROVED");
        String ratingId = ratings.awaitInvitation(citizen.token(), caseId, "COMPLETION").path("id").asString();

        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 3, 12, 8, 59));
        ratingService.remindDue();
        assertThat(mongo.findById(ratingId, org.bson.Document.class, "ratings").get("remindAt")).isNotNull();
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 3, 12, 9, 1));
        assertThat(ratingService.remindDue()).isGreaterThanOrEqualTo(1);
        assertThat(ratingService.remindDue()).as("nothing left to remind").isZero();
        org.bson.Document stored = mongo.findById(ratingId, org.bson.Document.class, "ratings");
        assertThat(stored.get("remindAt")).isNull();
        assertThat(stored.get("eventSequence")).as("invited, reminded: no second reminder").isEqualTo(2L);
        try (TopicReader topic = TopicReader.fromBeginning(RATING_TOPIC)) {
            List<JsonNode> events = topic.awaitEvents(ratingId, 2, Duration.ofSeconds(20));
            assertThat(events).extracting(e -> e.path("type").asString())
                    .containsExactly("rating.invited", "rating.reminded");
        }
    }
}
