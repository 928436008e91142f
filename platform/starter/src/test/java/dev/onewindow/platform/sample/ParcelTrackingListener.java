package dev.onewindow.platform.sample;

import dev.onewindow.platform.events.EventHandlers;
import dev.onewindow.platform.events.EventReader;
import dev.onewindow.platform.events.IncomingEvent;
import dev.onewindow.platform.events.SequenceGuard;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A version-idempotent consumer, written the way services consume each other's events. */
@Component
class ParcelTrackingListener {

    static final String TOPIC = "platform-sample.parcel.events.v1";

    private final EventHandlers handlers;

    ParcelTrackingListener(EventReader events, SequenceGuard guard) {
        this.handlers = EventHandlers.using(events)
                .on("parcel.registered", ParcelRef.class, (event, parcel) -> track(guard, event))
                .on("parcel.shipped", ParcelRef.class, (event, parcel) -> track(guard, event));
    }

    @KafkaListener(topics = TOPIC, groupId = "platform-sample.tracking")
    void on(String record) {
        handlers.handle(record);
    }

    private static void track(SequenceGuard guard, IncomingEvent event) {
        guard.applyOnce(ParcelTracking.class, event.aggregateId(), event,
                new Update().inc("eventsApplied", 1).set("lastType", event.type()));
    }

    /** The fields of the parcel events this consumer reads. */
    record ParcelRef(String parcelId) {
    }
}
