package dev.onewindow.hotline.hotspot;

import java.time.Instant;
import java.util.List;

import dev.onewindow.platform.events.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A spike of orders of one category in one region (热点): raised once, when an hour's count first reaches the spike
 * threshold. Its id is the hour's counter id, so a second detection of the same spike hits the unique {@code _id}
 * and raises nothing; the event goes out through the outbox like every other.
 */
@Document("hotspots")
public class Hotspot extends AggregateRoot {

    @Id
    private final String id;
    private final String categoryCode;
    private final List<String> categoryPath;
    private final String region;
    @Indexed
    private final Instant hourStart;
    private final long count;
    private final double baseline;
    private final Instant detectedAt;

    @PersistenceCreator
    Hotspot(String id, String categoryCode, List<String> categoryPath, String region, Instant hourStart, long count,
            double baseline, Instant detectedAt) {
        this.id = id;
        this.categoryCode = categoryCode;
        this.categoryPath = categoryPath == null ? List.of() : List.copyOf(categoryPath);
        this.region = region;
        this.hourStart = hourStart;
        this.count = count;
        this.baseline = baseline;
        this.detectedAt = detectedAt;
    }

    static Hotspot detect(String categoryCode, List<String> categoryPath, String region, Instant hourStart,
            long count, double baseline, double multiple, int minimum, Instant now) {
        Hotspot hotspot = new Hotspot(HourlyCount.id(categoryCode, region, hourStart), categoryCode, categoryPath,
                region, hourStart, count, baseline, now);
        hotspot.registerEvent("hotspot.detected", new HotspotDetected(hotspot.id, categoryCode, categoryPath, region,
                hourStart, count, baseline, multiple, minimum, now), now);
        return hotspot;
    }

    /** {@code hotspot.detected} on {@code hotline-12345.hotspot.events.v1}, for supervision. */
    public record HotspotDetected(String hotspotId, String categoryCode, List<String> categoryPath, String region,
            Instant hourStart, long count, double baseline, double multiple, int minimum, Instant detectedAt) {
    }

    @Override
    protected String aggregateType() {
        return "hotspot";
    }

    @Override
    protected String region() {
        return region;
    }

    public String id() { return id; }
    public String categoryCode() { return categoryCode; }
    public List<String> categoryPath() { return categoryPath; }
    public String regionCode() { return region; }
    public Instant hourStart() { return hourStart; }
    public long count() { return count; }
    public double baseline() { return baseline; }
    public Instant detectedAt() { return detectedAt; }
}
