package dev.onewindow.supervision.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.testkit.KafkaBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events supervision consumes, exactly as their producers publish them: the data starts from the producer's own
 * golden sample, read from the sibling module's contracts (case-handling, hotline-12345, evaluation; data-exchange's
 * when its module is in the tree, else the fields its event records declare), with the fields of the scenario set;
 * the envelope is the platform's, and they go to the producers' real topics on the real broker.
 */
public final class Producers {

    public static final String CASE_TOPIC = "case-handling.case.events.v1";
    public static final String ORDER_TOPIC = "hotline-12345.workorder.events.v1";
    public static final String RATING_TOPIC = "evaluation.rating.events.v1";
    public static final String RECTIFICATION_TOPIC = "evaluation.rectification.events.v1";
    public static final String APPEAL_TOPIC = "evaluation.appeal.events.v1";
    public static final String SHARE_TOPIC = "data-exchange.share.events.v1";
    public static final String OBJECTION_TOPIC = "data-exchange.objection.events.v1";
    public static final String ITEM_TOPIC = "service-catalog.item.events.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProducer<String, String> producer;

    private Producers() {
    }

    /** An instant of Asia/Shanghai wall time. */
    public static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(WorkingDayCalendar.ZONE).toInstant();
    }

    /** An event of case-handling's topic: its golden sample of {@code type}, changed by {@code fields}. */
    public static String caseEvent(String type, String caseId, long sequence, Instant occurredAt,
            Consumer<ObjectNode> fields) {
        return owned(CASE_TOPIC, "case-handling", "case", "caseId", type, caseId, sequence, occurredAt, fields);
    }

    public static String orderEvent(String type, String orderId, long sequence, Instant occurredAt,
            Consumer<ObjectNode> fields) {
        return owned(ORDER_TOPIC, "hotline-12345", "workorder", "orderId", type, orderId, sequence, occurredAt,
                fields);
    }

    public static String ratingEvent(String type, String ratingId, long sequence, Instant occurredAt,
            Consumer<ObjectNode> fields) {
        return owned(RATING_TOPIC, "evaluation", "rating", "ratingId", type, ratingId, sequence, occurredAt, fields);
    }

    public static String rectificationEvent(String type, String rectificationId, long sequence,
            Instant occurredAt, Consumer<ObjectNode> fields) {
        return owned(RECTIFICATION_TOPIC, "evaluation", "rectification", "rectificationId", type, rectificationId,
                sequence, occurredAt, fields);
    }

    /** An event of evaluation's appeal topic (key = appeal id). */
    public static String appealEvent(String type, String appealId, long sequence, Instant occurredAt,
            Consumer<ObjectNode> fields) {
        return owned(APPEAL_TOPIC, "evaluation", "appeal", "appealId", type, appealId, sequence, occurredAt, fields);
    }

    /**
     * An event of {@code module}'s topic (its source and aggregate type named so): the module's golden sample of
     * {@code type} with the aggregate's id in {@code idField}, changed by {@code fields}.
     */
    private static String owned(String topic, String module, String aggregateType, String idField, String type,
            String id, long sequence, Instant occurredAt, Consumer<ObjectNode> fields) {
        return publish(topic, type, module, aggregateType, id, sequence, occurredAt, sample(module, type, d -> {
            d.put(idField, id);
            fields.accept(d);
        }));
    }

    /** An event of data-exchange: its golden sample when the module is in the tree, else {@code fields} alone. */
    public static String dataExchangeEvent(String topic, String type, String aggregateType, String id,
            long sequence, Instant occurredAt, String region, Consumer<ObjectNode> fields) {
        ObjectNode data = samplePath("data-exchange", type) == null ? JSON.createObjectNode()
                : sample("data-exchange", type, d -> { });
        fields.accept(data);
        return publish(topic, type, "data-exchange", aggregateType, id, sequence, occurredAt, data, region);
    }

    public static String itemPublished(String implementationCode, int version, int onlineDepth) {
        ObjectNode event = (ObjectNode) read(Path.of("..", "service-catalog", "src", "main", "resources",
                "contracts", "events", "item.published.sample.json"));
        ObjectNode data = (ObjectNode) event.path("data");
        data.put("implementationCode", implementationCode).put("version", version).put("onlineDepth", onlineDepth);
        return publish(ITEM_TOPIC, "item.published", "service-catalog", "item", implementationCode, version,
                Instant.now(), data);
    }

    private static ObjectNode sample(String module, String type, Consumer<ObjectNode> fields) {
        Path path = samplePath(module, type);
        if (path == null) {
            throw new IllegalStateException("no golden sample of " + type + " in " + module);
        }
        ObjectNode data = (ObjectNode) read(path);
        fields.accept(data);
        return data;
    }

    private static Path samplePath(String module, String type) {
        Path path = Path.of("..", module, "src", "main", "resources", "contracts", "events", type + ".sample.json");
        return Files.exists(path) ? path : null;
    }

    private static JsonNode read(Path path) {
        try {
            return JSON.readTree(Files.readString(path)).deepCopy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String publish(String topic, String type, String source, String aggregateType, String id,
            long sequence, Instant occurredAt, JsonNode data) {
        return publish(topic, type, source, aggregateType, id, sequence, occurredAt, data,
                data.path("region").asString(null));
    }

    /** Publishes one envelope and waits for the broker's acknowledgement; returns the event id. */
    public static synchronized String publish(String topic, String type, String source, String aggregateType,
            String id, long sequence, Instant occurredAt, JsonNode data, String region) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        String eventId = UUID.randomUUID().toString();
        envelope.put("id", eventId);
        envelope.put("type", type);
        envelope.put("source", source);
        envelope.put("occurredAt", occurredAt.toString());
        envelope.put("aggregateType", aggregateType);
        envelope.put("aggregateId", id);
        envelope.put("sequence", sequence);
        envelope.put("schemaVersion", 1);
        envelope.put("region", region);
        envelope.put("correlationId", null);
        envelope.put("causationId", null);
        envelope.put("data", data);
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        }
        try {
            producer.send(new ProducerRecord<>(topic, id, JSON.writeValueAsString(envelope))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }
}
