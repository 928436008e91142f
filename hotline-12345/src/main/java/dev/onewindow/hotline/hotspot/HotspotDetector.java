package dev.onewindow.hotline.hotspot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.onewindow.hotline.config.HotlineProperties;
import dev.onewindow.platform.events.IncomingEvent;
import dev.onewindow.platform.events.SequenceGuard;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Counts each registered order into its category × region × hour counter and raises a hot spot when the hour's count
 * reaches both the configured minimum and the configured multiple of the trailing baseline — the mean of the same hour
 * on the previous days. Incremental: one counter update and a handful of look-ups by id per order, never a scan.
 * A spike is raised once: the hour's hot spot is stored under the counter's id, and an hour following an hour that
 * already had one continues that spike rather than starting another.
 */
@Service
public class HotspotDetector {

    private final MongoTemplate mongo;
    private final SequenceGuard guard;
    private final HotlineProperties.Hotspots settings;
    private final Clock clock;

    HotspotDetector(MongoTemplate mongo, HotlineProperties properties, Clock clock) {
        this.mongo = mongo;
        this.guard = new SequenceGuard(mongo);
        this.settings = properties.hotspots();
        this.clock = clock;
    }

    /** Counts the order an event registered; returns the hot spot it raised, if any. */
    public java.util.Optional<Hotspot> count(IncomingEvent registered, String categoryCode, List<String> categoryPath,
            String region, Instant registeredAt) {
        Instant hour = HourlyCount.hourOf(registeredAt);
        String id = HourlyCount.id(categoryCode, region, hour);
        Update increment = new Update().inc("count", 1L).setOnInsert("categoryCode", categoryCode)
                .setOnInsert("region", region).setOnInsert("hourStart", hour);
        if (!guard.applyOnce(HourlyCount.class, id, registered, increment)) {
            return java.util.Optional.empty();
        }
        HourlyCount now = mongo.findById(id, HourlyCount.class);
        // most hours stay under the minimum: no baseline is read for them
        if (now == null || now.count() < settings.minimum()) {
            return java.util.Optional.empty();
        }
        double baseline = baseline(categoryCode, region, hour);
        if (now.count() < settings.multiple() * baseline) {
            return java.util.Optional.empty();
        }
        String previousHour = HourlyCount.id(categoryCode, region, hour.minus(Duration.ofHours(1)));
        if (mongo.findById(previousHour, Hotspot.class) != null || mongo.findById(id, Hotspot.class) != null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(mongo.insert(Hotspot.detect(categoryCode, categoryPath, region, hour,
                    now.count(), baseline, settings.multiple(), settings.minimum(), clock.instant())));
        } catch (DuplicateKeyException alreadyRaised) {
            return java.util.Optional.empty();
        }
    }

    /** The mean count of the same hour over the previous {@code baselineDays} days (absent counters count 0). */
    double baseline(String categoryCode, String region, Instant hour) {
        List<String> ids = new ArrayList<>();
        for (int day = 1; day <= settings.baselineDays(); day++) {
            ids.add(HourlyCount.id(categoryCode, region, hour.minus(Duration.ofDays(day))));
        }
        long total = mongo.find(Query.query(Criteria.where("_id").in(ids)), HourlyCount.class).stream()
                .mapToLong(HourlyCount::count).sum();
        return (double) total / settings.baselineDays();
    }

    /** The hourly counts of a category (and the categories below it are not summed) in a region, oldest first. */
    public List<HourlyCount> counts(String categoryCode, String region, Instant from, Instant to) {
        return mongo.find(Query.query(Criteria.where("categoryCode").is(categoryCode).and("region").is(region)
                .and("hourStart").gte(HourlyCount.hourOf(from)).lt(to)).with(Sort.by("hourStart")).limit(24 * 31),
                HourlyCount.class);
    }

    /** Hot spots detected in {@code [from, to)} whose region lies within {@code regionPrefix}, newest first. */
    public List<Hotspot> detected(String regionPrefix, Instant from, Instant to) {
        return mongo.find(Query.query(Criteria.where("hourStart").gte(from).lt(to).and("region")
                .regex("^" + regionPrefix)).with(Sort.by(Sort.Direction.DESC, "hourStart")).limit(500), Hotspot.class);
    }
}
