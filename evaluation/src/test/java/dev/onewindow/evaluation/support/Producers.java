package dev.onewindow.evaluation.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.onewindow.platform.testkit.KafkaBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events evaluation consumes, exactly as their producers publish them: the data starts from the producer's own
 * golden sample (case-handling's {@code case.completed} and {@code case.accepted}, hotline-12345's
 * {@code workorder.closed}, read from the sibling modules' contracts), the envelope is the platform's, and they go to
 * the producers' real topics on the real broker.
 */
public final class Producers {

    public static final String CASE_TOPIC = "case-handling.case.events.v1";
    public static final String ORDER_TOPIC = "hotline-12345.workorder.events.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Producers() {
    }

    /** {@code case.completed} of a case with {@code outcome}, the applicant known by {@code holderRef}. */
    public static void caseCompleted(String caseId, String holderRef, String department, String entry,
            String channel, String outcome) {
        caseCompleted(caseId, "SINGLE", holderRef, department, entry, channel, outcome);
    }

    /** {@code case.completed} of a case of {@code kind} (SINGLE, BUNDLE, BUNDLE_MEMBER). */
    public static void caseCompleted(String caseId, String kind, String holderRef, String department, String entry,
            String channel, String outcome) {
        ObjectNode data = sample("case-handling", "case.completed");
        data.put("caseId", caseId).put("kind", kind).put("holderRef", holderRef).put("departmentCode", department)
                .put("implementationCode", entry).put("channel", channel).put("outcome", outcome)
                .put("status", "APPROVED".equals(outcome) ? "COMPLETED" : outcome);
        publish(CASE_TOPIC, "case.completed", "case-handling", "case", caseId, 9, data);
    }

    /** {@code case.accepted} of a case taken at {@code channel}. */
    public static void caseAccepted(String caseId, String holderRef, String department, String entry,
            String channel) {
        ObjectNode data = sample("case-handling", "case.accepted");
        data.put("caseId", caseId).put("holderRef", holderRef).put("departmentCode", department)
                .put("implementationCode", entry).put("channel", channel);
        publish(CASE_TOPIC, "case.accepted", "case-handling", "case", caseId, 2, data);
    }

    /** {@code workorder.closed} of an order filed by the signed-in {@code callerSubject} (or anonymously). */
    public static void workOrderClosed(String orderId, String callerSubject, String lead, boolean anonymous) {
        ObjectNode data = sample("hotline-12345", "workorder.closed");
        data.put("orderId", orderId).put("leadDepartment", lead).put("anonymous", anonymous)
                .put("callerSubject", callerSubject);
        if (anonymous) {
            data.putNull("callerRef");
        }
        publish(ORDER_TOPIC, "workorder.closed", "hotline-12345", "workorder", orderId, 12, data);
    }

    private static ObjectNode sample(String module, String type) {
        try {
            JsonNode sample = JSON.readTree(Files.readString(Path.of("..", module, "src", "main", "resources",
                    "contracts", "events", type + ".sample.json")));
            return (ObjectNode) sample.deepCopy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void publish(String topic, String type, String source, String aggregateType, String id,
            long sequence, JsonNode data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("type", type);
        envelope.put("source", source);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("aggregateType", aggregateType);
        envelope.put("aggregateId", id);
        envelope.put("sequence", sequence);
        envelope.put("schemaVersion", 1);
        envelope.put("region", data.path("region").asString());
        envelope.put("data", data);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, id, JSON.writeValueAsString(envelope)));
        }
    }
}
