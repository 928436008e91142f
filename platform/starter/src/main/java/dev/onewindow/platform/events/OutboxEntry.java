package dev.onewindow.platform.events;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;

/**
 * An event waiting in its aggregate's document to be published. Stored in the same document and the same save as
 * the state change it describes, so the two cannot be separated by a crash. {@code data} is the event's JSON exactly
 * as it will be published; it is rendered from the event record just before the document is written.
 */
public final class OutboxEntry {

    private final String eventId;
    private final String type;
    private final long sequence;
    private final Instant occurredAt;
    private final String aggregateType;
    private final String region;
    private final int schemaVersion;
    private String correlationId;
    private String causationId;
    private String data;
    @Transient
    private final Object payload;

    @PersistenceCreator
    OutboxEntry(String eventId, String type, long sequence, Instant occurredAt, String aggregateType, String region,
            int schemaVersion, String correlationId, String causationId, String data) {
        this.eventId = eventId;
        this.type = type;
        this.sequence = sequence;
        this.occurredAt = occurredAt;
        this.aggregateType = aggregateType;
        this.region = region;
        this.schemaVersion = schemaVersion;
        this.correlationId = correlationId;
        this.causationId = causationId;
        this.data = data;
        this.payload = null;
    }

    OutboxEntry(String type, long sequence, Instant occurredAt, String aggregateType, String region,
            int schemaVersion, Object payload) {
        this.eventId = UUID.randomUUID().toString();
        this.type = type;
        this.sequence = sequence;
        this.occurredAt = occurredAt;
        this.aggregateType = aggregateType;
        this.region = region;
        this.schemaVersion = schemaVersion;
        this.payload = payload;
    }

    public String eventId() { return eventId; }
    public String type() { return type; }
    public long sequence() { return sequence; }
    public Instant occurredAt() { return occurredAt; }
    public String aggregateType() { return aggregateType; }
    public String region() { return region; }
    public int schemaVersion() { return schemaVersion; }
    public String correlationId() { return correlationId; }
    public String causationId() { return causationId; }
    public String data() { return data; }

    /** The event record as the aggregate registered it; {@code null} once loaded back from the database. */
    public Object payload() { return payload; }

    boolean rendered() {
        return data != null;
    }

    void render(String json, String correlation, String causation) {
        this.data = json;
        this.correlationId = correlation;
        this.causationId = causation;
    }
}
