package dev.onewindow.platform.events;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders newly registered events to JSON just before an aggregate is written (so the stored JSON is exactly what
 * will be published) and nudges the relay right after the save, for low latency.
 */
public class OutboxMongoListener extends AbstractMongoEventListener<AggregateRoot> {

    private final JsonMapper json;
    private final OutboxRelay relay;

    public OutboxMongoListener(JsonMapper json, OutboxRelay relay) {
        this.json = json;
        this.relay = relay;
    }

    @Override
    public void onBeforeConvert(BeforeConvertEvent<AggregateRoot> event) {
        for (OutboxEntry entry : event.getSource().pendingEvents()) {
            if (!entry.rendered()) {
                entry.render(json.writeValueAsString(entry.payload()), EventContext.correlationId(),
                        EventContext.causationId());
            }
        }
    }

    @Override
    public void onAfterSave(AfterSaveEvent<AggregateRoot> event) {
        if (!event.getSource().pendingEvents().isEmpty()) {
            relay.nudge(event.getCollectionName(), event.getDocument());
        }
    }
}
