package dev.onewindow.platform.sample;

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

    private final EventReader events;
    private final SequenceGuard guard;

    ParcelTrackingListener(EventReader events, SequenceGuard guard) {
        this.events = events;
        this.guard = guard;
    }

    @KafkaListener(topics = TOPIC, groupId = "platform-sample.tracking")
    void on(String record) {
        IncomingEvent event = events.read(record);
        guard.applyOnce(ParcelTracking.class, event.aggregateId(), event,
                new Update().inc("eventsApplied", 1).set("lastType", event.type()));
    }
}
