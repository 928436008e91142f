package dev.onewindow.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.onewindow.platform.testkit.ConsumerLag;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.supervision.kpi.CountChange;
import dev.onewindow.supervision.kpi.Dimension;
import dev.onewindow.supervision.kpi.KpiCounter;
import dev.onewindow.supervision.kpi.KpiService;
import dev.onewindow.supervision.kpi.Metric;
import dev.onewindow.supervision.support.Producers;
import dev.onewindow.supervision.support.Watching;
import dev.onewindow.supervision.watch.WatchService;
import dev.onewindow.supervision.watch.Watched;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static dev.onewindow.supervision.support.Producers.at;
import static dev.onewindow.supervision.support.Producers.ratingEvent;
import static dev.onewindow.supervision.support.TestClockConfiguration.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The KPI counts of an event survive a crash between the matter's save and the counters, and between the counters and
 * the acknowledgement: the crash is played by doing what {@link WatchService#apply} does up to that point through the
 * service's own parts, then stopping. The sweep then applies what was left once the grace period is over — exactly
 * once, however often it runs — and the event delivered again through the broker counts nothing more.
 */
@IntegrationTest
class CountsCrashSafetyIT {

    private static final String PERIOD = "2026-05";

    @Autowired
    WatchService watch;
    @Autowired
    KpiService kpis;
    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void systemTime() {
        CLOCK.useSystemTime();
    }

    @Test
    void aCrashRightAfterTheSaveLosesNoCountAndTheSweepAppliesItOnce() {
        String department = "CRASHA";
        String ratingId = UUID.randomUUID().toString();
        Instant ratedAt = at(2026, 5, 11, 10, 0);
        CLOCK.set(ratedAt);
        // rating.submitted of a bad rating: saved with its counts, then the process stops
        WatchService.Recorded saved = watch.record(subject(ratingId, department), 3, ratedAt,
                step -> step.count(ratedAt, department, Map.of(Metric.RATINGS, 1.0, Metric.BAD_RATINGS, 1.0)));
        assertThat(saved.counts()).hasSize(1);
        Watched stored = matter(ratingId);
        assertThat(stored.appliedSequence()).isEqualTo(3);
        assertThat(stored.pendingCounts()).singleElement().extracting(CountChange::changeId)
                .isEqualTo(saved.counts().get(0).changeId());
        assertThat(count(department, Metric.RATINGS)).isZero();

        // within the grace period the sweep leaves it to the request that may still be running
        CLOCK.set(ratedAt.plusSeconds(30));
        assertThat(watch.settleCounts()).isZero();
        assertThat(count(department, Metric.RATINGS)).isZero();

        CLOCK.set(ratedAt.plus(Duration.ofMinutes(2)));
        assertThat(watch.settleCounts()).isGreaterThanOrEqualTo(1);
        assertThat(watch.settleCounts()).isZero();
        assertThat(count(department, Metric.RATINGS)).isEqualTo(1);
        assertThat(count(department, Metric.BAD_RATINGS)).isEqualTo(1);
        assertThat(regionCount(Metric.BAD_RATINGS)).isGreaterThanOrEqualTo(1);
        assertThat(matter(ratingId).pendingCounts()).isEmpty();
        assertThat(matter(ratingId).pendingSince()).isNull();
        assertThat(ledger(department)).as("acknowledged changes are forgotten").isEmpty();

        // the same event delivered again: the sequence guard skips it, nothing more is counted
        ratingEvent("rating.submitted", ratingId, 3, ratedAt, d -> d.put("department", department)
                .put("ratedAt", ratedAt.toString()).put("level", 1).put("bad", true));
        ConsumerLag.awaitCaughtUp("supervision.watch-evaluation", Producers.RATING_TOPIC, Duration.ofSeconds(30));
        CLOCK.set(ratedAt.plus(Duration.ofMinutes(10)));
        watch.settleCounts();
        assertThat(count(department, Metric.RATINGS)).isEqualTo(1);
        assertThat(count(department, Metric.BAD_RATINGS)).isEqualTo(1);
    }

    @Test
    void aCrashAfterTheCountersBeforeTheAcknowledgementCountsOnce() {
        String department = "CRASHB";
        String ratingId = UUID.randomUUID().toString();
        Instant ratedAt = at(2026, 5, 12, 10, 0);
        CLOCK.set(ratedAt);
        WatchService.Recorded saved = watch.record(subject(ratingId, department), 3, ratedAt,
                step -> step.count(ratedAt, department, Metric.RATINGS, 1));
        saved.counts().forEach(kpis::apply); // the counters took it; the process stops before acknowledging
        assertThat(count(department, Metric.RATINGS)).isEqualTo(1);
        assertThat(ledger(department)).hasSize(1);

        CLOCK.set(ratedAt.plus(Duration.ofMinutes(2)));
        assertThat(watch.settleCounts()).isGreaterThanOrEqualTo(1);
        assertThat(watch.settleCounts()).isZero();
        assertThat(count(department, Metric.RATINGS)).isEqualTo(1);
        assertThat(matter(ratingId).pendingCounts()).isEmpty();
        assertThat(ledger(department)).isEmpty();
    }

    @Test
    void withoutACrashTheCountsAreAppliedAtOnceAndNothingStaysPending() {
        String department = "CRASHC";
        String ratingId = UUID.randomUUID().toString();
        Instant ratedAt = at(2026, 5, 13, 10, 0);
        CLOCK.set(ratedAt);
        ratingEvent("rating.submitted", ratingId, 3, ratedAt, d -> d.put("department", department)
                .put("ratedAt", ratedAt.toString()).put("level", 5).put("bad", false));
        new Watching(mongo).applied(Source.RATING, ratingId, 3);
        ConsumerLag.awaitCaughtUp("supervision.watch-evaluation", Producers.RATING_TOPIC, Duration.ofSeconds(30));
        assertThat(count(department, Metric.RATINGS)).isEqualTo(1);
        assertThat(count(department, Metric.RATINGS_SATISFIED)).isEqualTo(1);
        assertThat(matter(ratingId).pendingCounts()).isEmpty();
        assertThat(matter(ratingId).pendingSince()).isNull();
        assertThat(ledger(department)).isEmpty();
    }

    private static WatchService.Subject subject(String ratingId, String department) {
        return new WatchService.Subject(Source.RATING, ratingId, "3413022026051100000001", "341302", department);
    }

    private Watched matter(String ratingId) {
        return mongo.findById(Watched.idOf(Source.RATING, ratingId), Watched.class);
    }

    private double count(String department, Metric metric) {
        KpiCounter counter = mongo.findById(KpiCounter.idOf(PERIOD, Dimension.DEPARTMENT, department),
                KpiCounter.class);
        return counter == null ? 0 : counter.get(metric);
    }

    private double regionCount(Metric metric) {
        KpiCounter counter = mongo.findById(KpiCounter.idOf(PERIOD, Dimension.REGION, "341302"), KpiCounter.class);
        return counter == null ? 0 : counter.get(metric);
    }

    /** The change ids a department's counter still holds in its ledger. */
    private java.util.Set<String> ledger(String department) {
        Document counter = mongo.findById(KpiCounter.idOf(PERIOD, Dimension.DEPARTMENT, department), Document.class,
                "kpi_counters");
        Document applied = counter == null ? null : counter.get("applied", Document.class);
        return applied == null ? java.util.Set.of() : applied.keySet();
    }
}
