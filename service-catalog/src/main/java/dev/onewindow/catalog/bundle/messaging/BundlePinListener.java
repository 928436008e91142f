package dev.onewindow.catalog.bundle.messaging;

import dev.onewindow.catalog.bundle.BundleService;
import dev.onewindow.platform.events.EventHandlers;
import dev.onewindow.platform.events.EventReader;
import dev.onewindow.platform.events.OptimisticRetry;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps published bundles on their members' current versions: when a member entry is revised, the bundles that
 * contain it are published again with the new version pinned (a new {@code bundle.published}). Without this, a
 * bundle would keep pointing at a superseded version and case-handling would refuse bundle applications. Consuming
 * our own event (rather than updating bundles in the entry's save) keeps each save to one document; a replay finds
 * the bundle already on the new version and does nothing. An admin publishing the same bundle at the same moment
 * makes the save collide: the re-pin then runs again on what is stored.
 */
@Component
class BundlePinListener {

    static final String TOPIC = "service-catalog.item.events.v1";

    private final EventHandlers handlers;

    BundlePinListener(EventReader events, BundleService bundles) {
        this.handlers = EventHandlers.using(events).on("item.revised", ItemRevised.class,
                (event, revised) -> OptimisticRetry.run(() -> bundles.repinMember(revised.implementationCode())));
    }

    @KafkaListener(topics = TOPIC, groupId = "service-catalog.bundle-pins")
    void on(String record) {
        handlers.handle(record);
    }

    /** The fields of {@code item.revised} this consumer reads. */
    record ItemRevised(String implementationCode) {
    }
}
