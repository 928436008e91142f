package dev.onewindow.elicense.license;

import java.util.List;

import dev.onewindow.elicense.Limits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Brings records stored before a field was added up to date, once per database (a marker counter records that a
 * backfill ran, so later starts scan nothing): the region of usage records (用证记录) stored before they carried one,
 * taken from the licence id (type code + issuing region + serial), and the next expiry instant of licences stored
 * before the expiry sweep's index (so that their {@code license.expired} is announced too). Idempotent, so instances
 * starting together at worst do the same work twice. Holder authorizations need none: they are deleted a day after
 * they expire.
 */
@Component
public class RecordBackfills implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RecordBackfills.class);
    static final String USAGE_REGIONS = "backfill:usage-region";
    static final String EXPIRY_INDEX = "backfill:next-expiry";
    private static final int BATCH = 500;
    /** GB/T 2260 has no region 000000: what a record whose region cannot be known gets. */
    static final String UNKNOWN_REGION = "000000";

    private final MongoTemplate mongo;
    private final Counters counters;
    private final LicenseRepository licenses;

    public RecordBackfills(MongoTemplate mongo, Counters counters, LicenseRepository licenses) {
        this.mongo = mongo;
        this.counters = counters;
        this.licenses = licenses;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (counters.current(USAGE_REGIONS) == 0) {
            long filled = usageRegions();
            counters.next(USAGE_REGIONS);
            log.info("backfill: {} usage record(s) given their licence's region", filled);
        }
        if (counters.current(EXPIRY_INDEX) == 0) {
            long scheduled = expiryIndex();
            counters.next(EXPIRY_INDEX);
            log.info("backfill: {} licence(s) given their next expiry instant", scheduled);
        }
    }

    /**
     * Gives every licence that will expire (or has expired) and is neither revoked nor announced its next expiry
     * instant; returns how many. Saved as the licence (optimistically locked): a licence changed meanwhile is read
     * again.
     */
    public long expiryIndex() {
        long scheduled = 0;
        Query pending = Query.query(Criteria.where("nextExpiryAt").exists(false)
                .and("expiryAnnouncedAt").exists(false).and("validUntil").ne(null)
                .and("status").ne(LicenseStatus.REVOKED.name()));
        String lastId = "";
        while (true) {
            Query page = Query.of(pending).addCriteria(Criteria.where("_id").gt(lastId))
                    .with(org.springframework.data.domain.Sort.by("_id")).limit(BATCH);
            List<License> batch = mongo.find(page, License.class);
            if (batch.isEmpty()) {
                return scheduled;
            }
            for (License license : batch) {
                lastId = license.id();
                scheduled += schedule(license.id()) ? 1 : 0;
            }
        }
    }

    private boolean schedule(String licenseId) {
        for (int attempt = 1; ; attempt++) {
            License license = licenses.findById(licenseId).orElse(null);
            if (license == null || !license.scheduleExpiry()) {
                return false;
            }
            try {
                licenses.save(license);
                return true;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
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
