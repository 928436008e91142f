package dev.onewindow.platform.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.data.annotation.Version;

/**
 * Base of every aggregate stored in MongoDB that publishes events.
 *
 * <p>A command method checks its rule, changes state and calls {@link #registerEvent}; the repository's single
 * {@code save} then stores the state and the event together (docs/architecture.md, "The event path"). Saves are
 * optimistically locked on {@code version}, so two concurrent commands on one aggregate cannot both win. Each event
 * gets the next per-aggregate {@code sequence}, the consumers' ordering and de-duplication key. The relay publishes
 * and removes outbox entries without touching {@code version}.
 */
public abstract class AggregateRoot {

    @Version
    private Long version;
    private long eventSequence;
    private List<OutboxEntry> outbox = new ArrayList<>();

    /** Short lower-case name used in event types and the topic, e.g. {@code case}. */
    protected abstract String aggregateType();

    /** Region code the aggregate belongs to, carried on every event envelope. */
    protected abstract String region();

    /** Major schema version of this aggregate's events; a breaking change is a new topic ({@code .v2}). */
    protected int eventSchemaVersion() {
        return 1;
    }

    /**
     * Records an event in the same document as the state change.
     *
     * @param type dotted, past-tense type, e.g. {@code case.submitted}
     * @param data the event record; serialised to JSON when the aggregate is saved
     */
    protected final void registerEvent(String type, Object data, Instant occurredAt) {
        eventSequence++;
        outbox.add(new OutboxEntry(type, eventSequence, occurredAt, aggregateType(), region(), eventSchemaVersion(),
                data));
    }

    public Long version() {
        return version;
    }

    /** Number of the last event this aggregate registered (0 before the first). */
    public long eventSequence() {
        return eventSequence;
    }

    /** Events stored with the aggregate that the relay has not yet published (as of when it was loaded). */
    public List<OutboxEntry> pendingEvents() {
        return Collections.unmodifiableList(outbox);
    }
}
