package dev.onewindow.catalog.bundle.messaging;

import dev.onewindow.catalog.bundle.BundleService;
import dev.onewindow.platform.events.EventContext;
import dev.onewindow.platform.events.EventReader;
import dev.onewindow.platform.events.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps published bundles on their members' current versions: when a member entry is revised, the bundles that
 * contain it are published again with the new version pinned (a new {@code bundle.published}). Without this, a
 * bundle would keep pointing at a superseded version and case-handling would refuse bundle applications. Consuming
 * our own event (rather than updating bundles in the entry's save) keeps each save to one document; a replay finds
 * the bundle already on the new version and does nothing.
 */
@Component
class BundlePinListener {

    static final String TOPIC = "service-catalog.item.events.v1";

    private final EventReader events;
    private final BundleService bundles;

    BundlePinListener(EventReader events, BundleService bundles) {
        this.events = events;
        this.bundles = bundles;
    }

    @KafkaListener(topics = TOPIC, groupId = "service-catalog.bundle-pins")
    void on(String record) {
        IncomingEvent event = events.read(record);
        if ("item.revised".equals(event.type())) {
            EventContext.causedBy(event, () -> bundles.repinMember(event.aggregateId()));
        }
    }
}
