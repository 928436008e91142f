package dev.onewindow.evaluation.statistics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.result.UpdateResult;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Settles what a {@link Counted} document's save left to do: its follow-ups in other documents (each idempotent),
 * then its counter changes (each refused by a counter that took it already), then the acknowledgement — one update of
 * the document, only if nobody saved it since ({@code version}), which empties its changes, clears
 * {@code pendingSince} and moves the version on (so a copy loaded before can no longer write the acknowledged changes
 * back); only then are the changes forgotten by the counters' ledgers.
 *
 * <p>Right after a command the request settles its own document. What a crash, a failed write or a concurrent save
 * left pending is found by the sweeps ({@link #claimStale}): a sweep first claims the document for a lease (an
 * update that also moves the version on, so the request that saved it, or an earlier sweep, no longer acknowledges
 * it), then settles it.
 */
@Component
public class PendingCounts {

    private static final String PENDING_SINCE = "pendingSince";
    private static final String CLAIM = "countingClaim";
    private static final String VERSION = "version";

    private final MongoTemplate mongo;
    private final StatisticsCounters counters;
    private final Clock clock;

    PendingCounts(MongoTemplate mongo, StatisticsCounters counters, Clock clock) {
        this.mongo = mongo;
        this.counters = counters;
        this.clock = clock;
    }

    /**
     * Settles {@code saved} as stored (the copy the save returned, or the copy a claim returned).
     *
     * @param claimed    whether the caller claimed it ({@link #claimStale}); a document another sweep holds is left
     *                   to that sweep
     * @param followUps  what the change implies in other documents; must be idempotent (it may run again after a
     *                   crash)
     * @return whether everything was settled and acknowledged now
     */
    public boolean settle(Counted saved, boolean claimed, Runnable followUps) {
        if (saved.pendingSince() == null || (!claimed && saved.claimed(clock.instant()))) {
            return false;
        }
        followUps.run();
        List<CounterChange> changes = List.copyOf(saved.pendingCounts());
        for (CounterChange change : changes) {
            counters.apply(change);
        }
        UpdateResult acknowledged = mongo.updateFirst(
                Query.query(Criteria.where("_id").is(saved.id()).and(VERSION).is(saved.version())),
                new Update().set("counterChanges", List.of()).unset(PENDING_SINCE).unset(CLAIM).inc(VERSION, 1),
                saved.getClass());
        if (acknowledged.getModifiedCount() == 0) {
            // saved again meanwhile (the newer save settles what it holds) or claimed by a sweep: the ledgers keep the
            // changes, so whoever settles them next finds them taken
            return false;
        }
        counters.prune(changes);
        return true;
    }

    /**
     * Claims, one by one, up to {@code max} documents of {@code type} with work pending for longer than {@code grace}
     * and no live claim, each for {@code lease}; answers them as claimed.
     */
    public <T extends Counted> List<T> claimStale(Class<T> type, Duration grace, Duration lease, int max) {
        Instant now = clock.instant();
        List<T> claimed = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            Query stale = Query.query(Criteria.where(PENDING_SINCE).lt(now.minus(grace))
                    .orOperator(Criteria.where(CLAIM).is(null), Criteria.where(CLAIM).lte(now)))
                    .with(Sort.by(PENDING_SINCE));
            T one = mongo.findAndModify(stale, new Update().set(CLAIM, now.plus(lease)).inc(VERSION, 1),
                    FindAndModifyOptions.options().returnNew(true), type);
            if (one == null) {
                break;
            }
            claimed.add(one);
        }
        return claimed;
    }
}
