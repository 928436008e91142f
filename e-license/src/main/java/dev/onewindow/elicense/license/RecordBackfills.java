package dev.onewindow.elicense.license;

import java.util.List;

import dev.onewindow.elicense.Limits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Brings records stored before a field was added up to date, once per database (a marker counter records that a
 * backfill ran, so later starts scan nothing): the region of usage records (用证记录) stored before they carried one,
 * taken from the licence id (type code + issuing region + serial). Idempotent, so instances starting together at
 * worst do the same work twice. Holder authorizations need none: they are deleted a day after they expire.
 */
@Component
public class RecordBackfills implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RecordBackfills.class);
    static final String USAGE_REGIONS = "backfill:usage-region";
    private static final int BATCH = 500;
    /** GB/T 2260 has no region 000000: what a record whose region cannot be known gets. */
    static final String UNKNOWN_REGION = "000000";

    private final MongoTemplate mongo;
    private final Counters counters;

    public RecordBackfills(MongoTemplate mongo, Counters counters) {
        this.mongo = mongo;
        this.counters = counters;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (counters.current(USAGE_REGIONS) == 0) {
            long filled = usageRegions();
            counters.next(USAGE_REGIONS);
            log.info("backfill: {} usage record(s) given their licence's region", filled);
        }
    }

    /** Sets the region of every usage record without one; returns how many. */
    public long usageRegions() {
        long filled = 0;
        Query missing = Query.query(Criteria.where("region").exists(false)).limit(BATCH);
        for (List<UsageRecord> batch = mongo.find(missing, UsageRecord.class); !batch.isEmpty();
                batch = mongo.find(missing, UsageRecord.class)) {
            for (UsageRecord record : batch) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(record.id())),
                        new Update().set("region", regionOf(record.licenseId())), UsageRecord.class);
                filled++;
            }
        }
        return filled;
    }

    /** The issuing region inside a licence id ({@code SPJYXKZ} {@code 341302} {@code 00000012}). */
    static String regionOf(String licenseId) {
        if (licenseId == null || !licenseId.matches(Limits.LICENSE_ID)) {
            return UNKNOWN_REGION; // no licence id has ever been another shape; never stop the start over one
        }
        return licenseId.substring(licenseId.length() - 14, licenseId.length() - 8);
    }
}
