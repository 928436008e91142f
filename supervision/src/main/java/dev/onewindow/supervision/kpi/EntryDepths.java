package dev.onewindow.supervision.kpi;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Service;

/**
 * The online depth (网办深度) of each implementation entry, as service-catalog publishes it, so that 全程网办率 knows
 * which completed cases were of 4-depth entries. One document per entry, kept by upsert.
 */
@Service
public class EntryDepths {

    private final MongoTemplate mongo;

    public EntryDepths(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The catalog's latest depth of an entry; version-guarded, so an older revision never overwrites a newer one. */
    public void record(String implementationCode, int version, int onlineDepth) {
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(implementationCode).orOperator(
                    Criteria.where("version").exists(false), Criteria.where("version").lte(version))),
                    new Update().set("version", version).set("onlineDepth", onlineDepth), Entry.class);
        } catch (org.springframework.dao.DuplicateKeyException older) {
            // a newer version is stored already
        }
    }

    /** The entry's depth, 0 when the catalog has not told. */
    public int depth(String implementationCode) {
        if (implementationCode == null) {
            return 0;
        }
        Entry entry = mongo.findById(implementationCode, Entry.class);
        return entry == null ? 0 : entry.onlineDepth();
    }

    @Document("entry_depths")
    record Entry(@Id String id, int version, int onlineDepth) {
    }
}
