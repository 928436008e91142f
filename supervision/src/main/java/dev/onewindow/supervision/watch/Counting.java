package dev.onewindow.supervision.watch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.onewindow.platform.events.OptimisticRetry;
import dev.onewindow.supervision.config.SupervisionProperties;
import dev.onewindow.supervision.kpi.CountChange;
import dev.onewindow.supervision.kpi.KpiService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The KPI counts of an applied event, neither lost nor doubled across a crash: the matter's save stores them
 * ({@link Watched#pendingCounts()}); then each counter takes each change once (its ledger, {@link KpiService#apply});
 * then the matter acknowledges them — removing them and moving its version on, so a copy loaded before can no longer
 * write them back — and only then are they forgotten in the counters' ledgers. What a crash left pending is applied by
 * {@link #settleStale()} after {@code counting-grace}, once claimed for {@code counting-lease}.
 */
@Component
class Counting {

    private static final Logger log = LoggerFactory.getLogger(Counting.class);

    private final MongoTemplate mongo;
    private final WatchedRepository matters;
    private final KpiService kpis;
    private final Clock clock;
    private final SupervisionProperties properties;

    Counting(MongoTemplate mongo, WatchedRepository matters, KpiService kpis, Clock clock,
            SupervisionProperties properties) {
        this.mongo = mongo;
        this.matters = matters;
        this.kpis = kpis;
        this.clock = clock;
        this.properties = properties;
    }

    /** Applies {@code changes}, which the save of {@code saved} stored, and acknowledges them in the matter. */
    void settle(Watched saved, List<CountChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        changes.forEach(kpis::apply);
        acknowledge(saved, changes);
        kpis.forget(changes);
    }

    /**
     * The matter no longer holds the changes, and its version moves on. The usual case — nothing else pending, nobody
     * saved since — clears the sweep's index entry too, in the same update.
     */
    private void acknowledge(Watched saved, List<CountChange> changes) {
        List<String> ids = changes.stream().map(CountChange::changeId).toList();
        if (saved.pendingCounts().stream().allMatch(c -> ids.contains(c.changeId()))
                && mongo.updateFirst(Query.query(Criteria.where("_id").is(saved.id()).and("version")
                        .is(saved.version())), new Update().unset("pendingCounts").unset("pendingSince")
                        .inc("version", 1), Watched.class).getMatchedCount() == 1) {
            return;
        }
        // saved since (or more pending): take out these only; a sweep clears pendingSince once the list is empty
        mongo.updateFirst(Query.query(Criteria.where("_id").is(saved.id())), new Update().pull("pendingCounts",
                new org.bson.Document("changeId", new org.bson.Document("$in", ids))).inc("version", 1),
                Watched.class);
    }

    /**
     * Applies the counts left pending for longer than {@code counting-grace} (a crash between a save and its
     * counters), at most {@code sweep-batch} matters per run, each claimed first for {@code counting-lease}.
     *
     * @return how many matters were settled
     */
    int settleStale() {
        Instant now = clock.instant();
        Instant before = now.minus(properties.countingGrace());
        int settled = 0;
        for (Watched stale : matters.findByPendingSinceLessThanEqualOrderByPendingSinceAsc(before,
                PageRequest.of(0, properties.sweepBatch()))) {
            try {
                Watched claimed = OptimisticRetry.run(() -> matters.findById(stale.id())
                        .filter(m -> m.pendingSince() != null && !m.pendingSince().isAfter(before))
                        .map(m -> {
                            m.claimPendingCounts(now.plus(properties.countingLease()));
                            return matters.save(m);
                        }).orElse(null));
                if (claimed != null) {
                    settle(claimed, claimed.pendingCounts());
                    settled++;
                }
            } catch (RuntimeException failed) {
                log.warn("settling the counts of {} failed: {}", stale.id(), failed.toString());
            }
        }
        return settled;
    }
}
