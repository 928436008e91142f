package dev.onewindow.elicense.license;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Named counters advanced atomically by one {@code findAndModify} with {@code $inc} (upserting the counter on first
 * use): licence serials per type and region, status-list indexes per issuer, status-list revisions. Correct across
 * any number of instances without locks or transactions; a number taken by a request that then fails is skipped,
 * never handed out twice.
 */
@Component
public class Counters {

    private final MongoTemplate mongo;

    public Counters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document("counters")
    record Counter(@Id String id, long value) {
    }

    /** Status-list indexes handed out by an issuer (the next licence gets this value). */
    public static String statusIndex(String department) {
        return "status-index:" + department;
    }

    /** Advanced after every status change of an issuer's licences: a status-list cache is current while it holds. */
    public static String statusRevision(String department) {
        return "status-revision:" + department;
    }

    /** The counter's next value, starting at 1. */
    public long next(String name) {
        Counter counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(name)),
                new Update().inc("value", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Counter.class);
        return counter.value();
    }

    /** The counter's current value (0 if never advanced). */
    public long current(String name) {
        Counter counter = mongo.findById(name, Counter.class);
        return counter == null ? 0 : counter.value();
    }
}
