package dev.onewindow.platform.events;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * An event envelope as a consumer receives it (docs/architecture.md, "Events"). {@code data} stays a JSON tree: each consumer
 * reads it into its own record holding only the fields it needs ({@link EventReader#data}).
 */
public record IncomingEvent(String id, String type, String source, Instant occurredAt, String aggregateType,
        String aggregateId, long sequence, int schemaVersion, String region, String correlationId,
        String causationId, JsonNode data) {
}
