package dev.onewindow.evaluation;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.onewindow.evaluation.appeals.Appeal;
import dev.onewindow.evaluation.appeals.AppealGround;
import dev.onewindow.evaluation.appeals.AppealRepository;
import dev.onewindow.evaluation.appeals.AppealService;
import dev.onewindow.evaluation.config.EvaluationProperties;
import dev.onewindow.evaluation.ratings.Rating;
import dev.onewindow.evaluation.ratings.RatingChannel;
import dev.onewindow.evaluation.ratings.RatingRepository;
import dev.onewindow.evaluation.ratings.RatingService;
import dev.onewindow.evaluation.ratings.Stage;
import dev.onewindow.evaluation.ratings.SubjectType;
import dev.onewindow.evaluation.rectifications.RectificationRepository;
import dev.onewindow.evaluation.rectifications.RectificationService;
import dev.onewindow.evaluation.statistics.CounterChange;
import dev.onewindow.evaluation.statistics.StatisticsCounters;
import dev.onewindow.evaluation.support.People;
import dev.onewindow.evaluation.support.Ratings;
import dev.onewindow.evaluation.support.TestClockConfiguration;
import dev.onewindow.platform.calendar.BundledCalendars;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.IntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counters survive a crash at any point of a change: the window between a rating's (or a rectification's, or an
 * upheld appeal's) save and its counters, and the window between the counters and the acknowledgement. The crash is
 * played by doing what the request does up to that point through the service's own parts, then stopping; the sweep
 * then settles what was left, and the figures are exactly what one uninterrupted request leaves, however often the
 * sweep runs.
 */
@IntegrationTest
class CountersCrashSafetyIT {

    private static final String REGION = "341302";

    @LocalServerPort
    int port;
    @Autowired
    RatingService ratingService;
    @Autowired
    RatingRepository ratings;
    @Autowired
    RectificationService rectificationService;
    @Autowired
    RectificationRepository rectifications;
    @Autowired
    AppealService appealService;
    @Autowired
    AppealRepository appeals;
    @Autowired
    StatisticsCounters counters;
    @Autowired
    EvaluationProperties properties;
    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void systemTime() {
        TestClockConfiguration.CLOCK.useSystemTime();
    }

    private JsonNode entryFigures(String entry, String period) {
        return new Ratings(ApiClient.localPort(port)).read(People.evalAdmin(),
                "/api/v1/evaluations/statistics?dimension=ENTRY&key=" + entry + "&period=" + period);
    }

    /** An invitation of a fresh case, rated at {@code level} and saved — and then the process stops. */
    private Rating ratedAndSavedThenCrashed(String entry, int level, boolean realName) {
        String caseId = UUID.randomUUID().toString();
        ratingService.invite(new Rating.Matter(SubjectType.CASE, caseId, "3413022026080300000001",
                Stage.COMPLETION, REGION, "TJJ", entry, "PC_PORTAL", "APPROVED", List.of("ref-" + caseId),
                "ref-" + caseId));
        Rating rating = ratings.findBySubjectTypeAndSubjectIdAndStage(SubjectType.CASE, caseId, Stage.COMPLETION)
                .orElseThrow();
        rating.rate(new Rating.Answer(level, level <= 2 ? List.of("SLOW") : List.of(), null,
                RatingChannel.MOBILE_APP, null, realName), null, Set.of("SLOW"), TestClockConfiguration.CLOCK.instant());
        if (rating.bad()) {
            rating.rectifiedBy(UUID.randomUUID().toString());
        }
        return ratings.save(rating); // the rating and its counter change are stored; nothing after this ran
    }

    private void pastTheGrace() {
        TestClockConfiguration.CLOCK.advance(properties.countingGrace().plus(Duration.ofSeconds(1)));
    }

    @Test
    void aRatingSavedButNotCountedIsCountedOnceByTheSweep() {
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 8, 3, 10, 0));
        String entry = "XK-CRASH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Rating good = ratedAndSavedThenCrashed(entry, 4, false);
        Rating bad = ratedAndSavedThenCrashed(entry, 1, true);
        assertThat(entryFigures(entry, "2026-08-03").path("counted").asLong()).as("not counted yet").isZero();
        assertThat(rectifications.existsById(bad.rectificationId())).as("not opened yet").isFalse();

        assertThat(ratingService.settleStale()).as("within the grace the request may still be at it").isZero();
        pastTheGrace();
        ratingService.settleStale();
        rectificationService.settleStale();
        JsonNode day = entryFigures(entry, "2026-08-03");
        assertThat(day.path("counted").asLong()).isEqualTo(2);
        assertThat(day.path("satisfied").asLong()).isEqualTo(1);
        assertThat(day.path("bad").asLong()).isEqualTo(1);
        assertThat(day.path("rectifications").asLong()).as("the bad rating's rectification opened and counted")
                .isEqualTo(1);
        assertThat(day.path("callbacksDue").asLong()).isEqualTo(1);
        assertThat(rectifications.existsById(bad.rectificationId())).isTrue();
        assertThat(ratings.findById(good.id()).orElseThrow().pendingSince()).as("settled").isNull();

        pastTheGrace();
        ratingService.settleStale();
        rectificationService.settleStale();
        assertThat(entryFigures(entry, "2026-08-03").path("counted").asLong()).as("once").isEqualTo(2);
        assertThat(entryFigures(entry, "2026-08").path("rectifications").asLong()).isEqualTo(1);
    }

    @Test
    void countersThatTookAChangeBeforeTheCrashRefuseItAgain() {
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 8, 4, 10, 0));
        String entry = "XK-TWICE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Rating rating = ratedAndSavedThenCrashed(entry, 5, false);
        // the request got as far as the counters, then stopped before the acknowledgement
        for (CounterChange change : rating.pendingCounts()) {
            counters.apply(change);
        }
        assertThat(entryFigures(entry, "2026-08-04").path("counted").asLong()).isEqualTo(1);

        pastTheGrace();
        assertThat(ratingService.settleStale()).isGreaterThanOrEqualTo(1);
        assertThat(entryFigures(entry, "2026-08-04").path("counted").asLong()).as("not counted twice").isEqualTo(1);
        assertThat(entryFigures(entry, "2026-08").path("levels").get(4).asLong()).isEqualTo(1);
        // acknowledged, so the ledgers forget it (a few times a second, here now): a counter does not grow with every
        // change it took
        counters.forgetAcknowledged();
        Document counter = mongo.getCollection("statistics").find(new Document("_id", "ENTRY|" + entry + "|2026-08"))
                .first();
        assertThat(counter).isNotNull();
        assertThat(counter.get("applied", Document.class)).as("ledger pruned").satisfiesAnyOf(
                ledger -> assertThat(ledger).isNull(), ledger -> assertThat(ledger).isEmpty());

        pastTheGrace();
        ratingService.settleStale();
        assertThat(entryFigures(entry, "2026-08-04").path("counted").asLong()).isEqualTo(1);
    }

    @Test
    void anUpheldAppealSavedButNotCarriedOutIsCarriedOutOnce() {
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 8, 5, 10, 0));
        String entry = "XK-APPEALCRASH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Rating rating = ratedAndSavedThenCrashed(entry, 2, true);
        pastTheGrace();
        ratingService.settleStale();
        rectificationService.settleStale();
        assertThat(entryFigures(entry, "2026-08-05").path("rectifications").asLong()).isEqualTo(1);

        ApiClient.Response filed = ApiClient.localPort(port).post("/api/v1/evaluations/appeals")
                .token(People.handler("TJJ")).json(java.util.Map.of("ratingId", rating.id(), "ground",
                        AppealGround.MALICIOUS.name(), "reason", "恶意差评")).send();
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        Appeal appeal = appeals.findById(filed.json().path("id").asString()).orElseThrow();
        appeal.decide(true, "属实", "evaladmin1", BundledCalendars.official(), TestClockConfiguration.CLOCK.instant());
        appeals.save(appeal); // decided and stored; the exclusion never ran
        assertThat(entryFigures(entry, "2026-08-05").path("counted").asLong()).isEqualTo(1);

        pastTheGrace();
        assertThat(appealService.settleStale()).isGreaterThanOrEqualTo(1);
        JsonNode day = entryFigures(entry, "2026-08-05");
        assertThat(day.path("counted").asLong()).isZero();
        assertThat(day.path("bad").asLong()).isZero();
        assertThat(day.path("rectifications").asLong()).isZero();
        assertThat(day.path("callbacksDue").asLong()).isZero();
        assertThat(day.path("excluded").asLong()).isEqualTo(1);

        pastTheGrace();
        appealService.settleStale();
        ratingService.settleStale();
        rectificationService.settleStale();
        JsonNode again = entryFigures(entry, "2026-08-05");
        assertThat(again.path("excluded").asLong()).isEqualTo(1);
        assertThat(again.path("counted").asLong()).isZero();
        assertThat(again.path("rectifications").asLong()).isZero();
    }
}
