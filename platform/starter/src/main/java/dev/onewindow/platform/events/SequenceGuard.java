package dev.onewindow.platform.events;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Version-based idempotency for consumers, without transactions: a projection document records, per source
 * aggregate, the highest event {@code sequence} it applied, and the change and that record are written in one
 * single-document update that only matches when the event is newer. A redelivered or older event matches nothing
 * (or collides with the existing {@code _id} on upsert) and is skipped.
 */
public class SequenceGuard {

    static final String APPLIED = "appliedSequences";

    private final MongoTemplate mongo;

    public SequenceGuard(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies {@code change} to the projection document {@code projectionId} (created if absent) unless this
     * event, or a later one of the same source aggregate, was applied already.
     *
     * @return whether the change was applied
     */
    public boolean applyOnce(Class<?> projection, Object projectionId, IncomingEvent event, Update change) {
        String field = APPLIED + "." + sourceKey(event);
        Query newer = Query.query(Criteria.where("_id").is(projectionId).orOperator(
                Criteria.where(field).exists(false), Criteria.where(field).lt(event.sequence())));
        try {
            var result = mongo.upsert(newer, change.set(field, event.sequence()), projection);
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException alreadyApplied) {
            return false;
        }
    }

    /** Field-name-safe key of the source aggregate (Mongo field names cannot contain dots). */
    static String sourceKey(IncomingEvent event) {
        return (event.aggregateType() + "_" + event.aggregateId()).replace('.', '_').replace('$', '_');
    }
}
