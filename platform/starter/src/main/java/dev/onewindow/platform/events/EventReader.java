package dev.onewindow.platform.events;

import java.time.Instant;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses event envelopes and reads their data leniently: within a major version producers may add optional fields,
 * and consumers must ignore what they do not know (unlike API requests, where unknown fields are rejected).
 */
public class EventReader {

    private final JsonMapper lenient;

    public EventReader(JsonMapper json) {
        this.lenient = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    public IncomingEvent read(String envelope) {
        try {
            JsonNode node = lenient.readTree(envelope);
            return new IncomingEvent(required(node, "id"), required(node, "type"), text(node, "source"),
                    Instant.parse(required(node, "occurredAt")), required(node, "aggregateType"),
                    required(node, "aggregateId"), node.required("sequence").asLong(),
                    node.path("schemaVersion").asInt(1), text(node, "region"), text(node, "correlationId"),
                    text(node, "causationId"), node.path("data"));
        } catch (JacksonException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new MalformedEventException("not a OneWindow event envelope", e);
        }
    }

    /** The event's data as the consumer's own record type. */
    public <T> T data(IncomingEvent event, Class<T> type) {
        try {
            return lenient.treeToValue(event.data(), type);
        } catch (JacksonException e) {
            throw new MalformedEventException("event " + event.id() + " has data that is not a " + type.getSimpleName(),
                    e);
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asString().isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value.asString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
