package dev.onewindow.evaluation.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The counters, changed as the records change: a {@link CounterChange} is applied with one upsert per counter document
 * the rating counts for, sent together, each taking the change only if its ledger ({@code applied.<change id>}) does
 * not hold it yet — so a change applied twice (a retry after a crash) counts once. The ledger entries are removed
 * ({@link #prune}) only after the change was acknowledged in its own document, when nobody can apply it again.
 */
@Component
public class StatisticsCounters {

    /** The field of a counter document that records the changes it took and that are not yet acknowledged. */
    static final String LEDGER = "applied";

    /**
     * The id of the document listing the keys a dimension has counters for in a period; kept with the counters (no
     * dimension has this name), so one bulk write changes both.
     */
    static String keysId(String dimension, String period) {
        return "KEYS|" + dimension + "|" + period;
    }

    private final MongoTemplate mongo;

    StatisticsCounters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Increments (negative to take back) of counter fields. */
    public static final class Change {

        private final Map<String, Long> increments = new LinkedHashMap<>();

        public Change add(String field, long amount) {
            increments.merge(field, amount, Long::sum);
            return this;
        }

        /** A counted rating of {@code level}, {@code sign} 1 to count it, -1 to take it out. */
        public Change rating(int level, int sign) {
            add("counted", sign);
            add(level >= 3 ? "satisfied" : "bad", sign);
            return add("levels.l" + level, sign);
        }

        /** The same increments, taken back. */
        public Change negated() {
            Change negated = new Change();
            increments.forEach((field, amount) -> negated.add(field, -amount));
            return negated;
        }

        public boolean isEmpty() {
            return increments.values().stream().allMatch(v -> v == 0);
        }

        List<CounterChange.Increment> increments() {
            List<CounterChange.Increment> list = new ArrayList<>();
            increments.forEach((field, amount) -> {
                if (amount != 0) {
                    list.add(new CounterChange.Increment(field, amount));
                }
            });
            return list;
        }
    }

    /**
     * Applies {@code change} to every counter of its attribution, in one round trip; a counter that took the change
     * already refuses it (its upsert then collides with the existing document: a duplicate key, which means "done").
     */
    public void apply(CounterChange change) {
        BulkOperations upserts = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Counter.class);
        String ledgerEntry = LEDGER + "." + change.id();
        for (String id : change.attribution().counterIds()) {
            String[] parts = id.split("\\|", 3);
            Update update = new Update().setOnInsert("dimension", parts[0]).setOnInsert("key", parts[1])
                    .setOnInsert("period", parts[2]).set(ledgerEntry, change.at());
            change.increments().forEach(i -> update.inc(i.field(), i.amount()));
            upserts.upsert(Query.query(Criteria.where("_id").is(id).and(ledgerEntry).exists(false)), update);
            // a period's departments, so a summary reads its counters by id, not by a query (idempotent as it is)
            if (change.listsKey() && Dimension.DEPARTMENT.name().equals(parts[0])) {
                upserts.upsert(Query.query(Criteria.where("_id").is(keysId(parts[0], parts[2]))),
                        new Update().addToSet("keys", parts[1]));
            }
        }
        try {
            upserts.execute();
        } catch (BulkOperationException e) {
            boolean onlyTakenAlready = e.getErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyTakenAlready) {
                throw e;
            }
        }
    }

    /**
     * Forgets acknowledged changes in the ledgers of their counters — not at once: they are queued and forgotten
     * together ({@link #forgetAcknowledged}, a few times a second), one update per counter for all the changes it
     * took meanwhile, so the busy counters (everything, a channel, a large department) cost one write per flush rather
     * than one per change. Nobody applies an acknowledged change again, so the delay is safe; a stop before the flush
     * leaves the ids in the ledgers, harmless.
     */
    public void prune(List<CounterChange> changes) {
        for (CounterChange change : changes) {
            for (String id : change.attribution().counterIds()) {
                toForget.add(new String[] {id, LEDGER + "." + change.id()});
            }
        }
    }

    private final java.util.concurrent.ConcurrentLinkedQueue<String[]> toForget =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** Removes the queued acknowledged changes from the counters' ledgers (one round trip). */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString =
            "${onewindow.evaluation.ledger-flush-interval:250ms}")
    public synchronized void forgetAcknowledged() {
        Map<String, Update> byCounter = new LinkedHashMap<>();
        String[] entry;
        while (byCounter.size() < 5_000 && (entry = toForget.poll()) != null) {
            byCounter.computeIfAbsent(entry[0], k -> new Update()).unset(entry[1]);
        }
        if (byCounter.isEmpty()) {
            return;
        }
        BulkOperations unsets = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Counter.class);
        byCounter.forEach((id, update) -> unsets.updateOne(Query.query(Criteria.where("_id").is(id)), update));
        unsets.execute();
    }

    public Optional<Counter> read(Dimension dimension, String key, String period) {
        return Optional.ofNullable(mongo.findById(Counter.id(dimension, key, period), Counter.class));
    }

    /**
     * Every counter of a dimension in a period, at most {@code max}: the keys the period has counters for (one
     * document, {@code KEYS|dimension|period}), then those counters by id — exact look-ups whatever the history holds.
     * Kept for departments (the published summary).
     */
    public List<Counter> all(Dimension dimension, String period, int max) {
        org.bson.Document known = mongo.findById(keysId(dimension.name(), period), org.bson.Document.class,
                mongo.getCollectionName(Counter.class));
        if (known == null) {
            return List.of();
        }
        List<String> ids = known.getList("keys", String.class).stream().sorted().limit(max)
                .map(key -> Counter.id(dimension, key, period)).toList();
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Counter.class);
    }
}
