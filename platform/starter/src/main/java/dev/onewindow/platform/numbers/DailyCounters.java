package dev.onewindow.platform.numbers;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Sequences that restart every day (or per any key), for human-readable numbers such as 办件编号 and 工单编号: one
 * counter document per key, incremented with an atomic {@code findAndModify $inc}. Concurrent callers on any number
 * of instances get distinct numbers without a lock or a transaction; the unique index on the number the caller
 * builds is the last line of defence.
 */
public final class DailyCounters {

    private final MongoTemplate mongo;
    private final String collection;

    /** Counters kept in {@code collection} (one per service, e.g. {@code case_counters}). */
    public DailyCounters(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /**
     * The next number of {@code key}, from 1.
     *
     * @throws IllegalStateException when it would exceed {@code max} (the digits the caller formats it in)
     */
    public long next(String key, long max) {
        Query counter = Query.query(Criteria.where("_id").is(key));
        Update increment = new Update().inc("sequence", 1L);
        FindAndModifyOptions upsertAndReturnNew = FindAndModifyOptions.options().upsert(true).returnNew(true);
        for (int attempt = 1; ; attempt++) {
            try {
                Document next = mongo.findAndModify(counter, increment, upsertAndReturnNew, Document.class,
                        collection);
                long sequence = ((Number) next.get("sequence")).longValue();
                if (sequence > max) {
                    throw new IllegalStateException("the sequence " + key + " in " + collection + " is exhausted");
                }
                return sequence;
            } catch (DuplicateKeyException firstOfTheDayRace) {
                // two upserts created the key's counter at once; the loser retries and increments the winner's
                if (attempt >= 5) {
                    throw firstOfTheDayRace;
                }
            }
        }
    }
}
