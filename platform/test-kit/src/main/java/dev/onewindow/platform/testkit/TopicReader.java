package dev.onewindow.platform.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what landed on topics, from the beginning, the way an independent consumer would. Events are returned as
 * parsed envelopes ({@link JsonNode}) in the order the broker delivered them (per partition, which per aggregate is
 * the publishing order).
 */
public final class TopicReader implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicReader(String bootstrapServers, Collection<String> topics) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(topics);
    }

    /** Reads the given topics of the shared test broker from their beginning. */
    public static TopicReader fromBeginning(String... topics) {
        return new TopicReader(KafkaBroker.shared().bootstrapServers(), List.of(topics));
    }

    /** Reads the given topics of any broker (e.g. the local stack's) from their beginning. */
    public static TopicReader fromBeginning(String bootstrapServers, Collection<String> topics) {
        return new TopicReader(bootstrapServers, topics);
    }

    /** Polls until the records seen so far satisfy {@code until}, or fails after {@code timeout}. */
    public List<ConsumerRecord<String, String>> awaitRecords(Predicate<List<ConsumerRecord<String, String>>> until,
            Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!until.test(seen)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting for records; saw " + seen.size()
                        + ": " + seen.stream().map(ConsumerRecord::value).toList());
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    /**
     * Waits for {@code count} distinct events (by envelope id) of one aggregate (record key) and returns them parsed,
     * in the order they were first delivered. The outbox may publish an event twice; consumers and tests see it once.
     */
    public List<JsonNode> awaitEvents(String aggregateId, int count, Duration timeout) {
        awaitRecords(records -> distinctEvents(records, aggregateId).size() >= count, timeout);
        return distinctEvents(seen, aggregateId);
    }

    private static List<JsonNode> distinctEvents(List<ConsumerRecord<String, String>> records, String key) {
        java.util.Map<String, JsonNode> byId = new java.util.LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : ofKey(records, key)) {
            JsonNode event = JSON.readTree(record.value());
            byId.putIfAbsent(event.path("id").asString(), event);
        }
        return List.copyOf(byId.values());
    }

    /** Everything seen so far for one record key, parsed. */
    public List<JsonNode> eventsOf(String aggregateId) {
        consumer.poll(Duration.ofMillis(300)).forEach(seen::add);
        return ofKey(seen, aggregateId).stream().map(r -> JSON.readTree(r.value())).toList();
    }

    private static List<ConsumerRecord<String, String>> ofKey(List<ConsumerRecord<String, String>> records,
            String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
