package dev.onewindow.hotline.hotspot.messaging;

import java.time.Instant;
import java.util.List;

import dev.onewindow.hotline.hotspot.HotspotDetector;
import dev.onewindow.platform.events.EventHandlers;
import dev.onewindow.platform.events.EventReader;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Counts every registered order for hot spots, from the order's own {@code workorder.registered}: off the caller's
 * request, counted exactly once however often the event is delivered.
 */
@Component
class HotspotCountingListener {

    private final EventHandlers handlers;

    HotspotCountingListener(EventReader events, HotspotDetector detector) {
        this.handlers = EventHandlers.using(events).on("workorder.registered", Registered.class,
                (event, registered) -> detector.count(event, registered.categoryCode(), registered.categoryPath(),
                        registered.region(), registered.registeredAt()));
    }

    @KafkaListener(topics = "hotline-12345.workorder.events.v1", groupId = "hotline-12345.hotspots")
    void on(String record) {
        handlers.handle(record);
    }

    /** The fields of {@code workorder.registered} counted. */
    record Registered(String categoryCode, List<String> categoryPath, String region, Instant registeredAt) {
    }
}
