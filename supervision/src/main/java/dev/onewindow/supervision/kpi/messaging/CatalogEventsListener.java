package dev.onewindow.supervision.kpi.messaging;

import dev.onewindow.platform.events.EventHandlers;
import dev.onewindow.platform.events.EventReader;
import dev.onewindow.supervision.kpi.EntryDepths;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The online depth of each catalog entry (item.published, item.revised), for 全程网办率. */
@Component
class CatalogEventsListener {

    static final String TOPIC = "service-catalog.item.events.v1";

    private final EventHandlers handlers;

    CatalogEventsListener(EventReader events, EntryDepths depths) {
        this.handlers = EventHandlers.using(events)
                .on("item.published", ItemFacts.class, (e, i) -> depths.record(i.implementationCode(), i.version(),
                        i.onlineDepth()))
                .on("item.revised", ItemFacts.class, (e, i) -> depths.record(i.implementationCode(), i.version(),
                        i.onlineDepth()));
    }

    @KafkaListener(topics = TOPIC, groupId = "supervision.entry-depths")
    void on(String record) {
        handlers.handle(record);
    }

    /** The fields of the item events read here. */
    record ItemFacts(String implementationCode, int version, int onlineDepth) {
    }
}
