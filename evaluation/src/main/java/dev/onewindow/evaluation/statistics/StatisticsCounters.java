package dev.onewindow.evaluation.statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The counters, changed as the records change: each change is a set of increments applied with one upsert per
 * counter document the rating counts for, sent together. Called right after the record's own save succeeded, so a refused command
 * never counts.
 */
@Component
public class StatisticsCounters {

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

        boolean isEmpty() {
            return increments.values().stream().allMatch(v -> v == 0);
        }
    }

    public void apply(Attribution attribution, Change change) {
        if (change.isEmpty()) {
            return;
        }
        // every counter of the attribution in one round trip: the upserts are independent of each other
        BulkOperations upserts = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Counter.class);
        for (String id : attribution.counterIds()) {
            String[] parts = id.split("\\|", 3);
            Update update = new Update().setOnInsert("dimension", parts[0]).setOnInsert("key", parts[1])
                    .setOnInsert("period", parts[2]);
            change.increments.forEach((field, amount) -> {
                if (amount != 0) {
                    update.inc(field, amount);
                }
            });
            upserts.upsert(Query.query(Criteria.where("_id").is(id)), update);
            // and which keys have a counter in the period, so a summary reads its counters by id, not by a query
            upserts.upsert(Query.query(Criteria.where("_id").is(keysId(parts[0], parts[2]))),
                    new Update().addToSet("keys", parts[1]));
        }
        upserts.execute();
    }

    public Optional<Counter> read(Dimension dimension, String key, String period) {
        return Optional.ofNullable(mongo.findById(Counter.id(dimension, key, period), Counter.class));
    }

    /**
     * Every counter of a dimension in a period, at most {@code max}: the keys the period has counters for (one
     * document, {@code KEYS|dimension|period}), then those counters by id — exact look-ups whatever the history holds.
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
