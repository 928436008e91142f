package dev.onewindow.platform.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ConsumerLag;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.KafkaBroker;
import dev.onewindow.platform.testkit.TokenMinter;
import dev.onewindow.platform.testkit.TopicReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The event path (docs/architecture.md) end to end, against the real broker and Mongo wire-protocol server. */
@IntegrationTest
class EventPathIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    private final String officer = TokenMinter.shared().user("officer1", "window-officer").dept("SCJGJ")
            .region("341300").mint();

    @Test
    void eventsOfOneAggregateArriveInOrderWithTheFullEnvelope() {
        String id = "p-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient api = ApiClient.localPort(port);
        assertThat(api.post("/api/v1/parcels").token(officer).header("X-Request-Id", "req-" + id)
                .json(Map.of("id", id, "region", "341300", "label", "营业执照")).send().status()).isEqualTo(201);
        assertThat(api.post("/api/v1/parcels/" + id + "/ship").token(officer).send().status()).isEqualTo(200);

        try (TopicReader topic = TopicReader.fromBeginning(ParcelTrackingListener.TOPIC)) {
            List<JsonNode> events = topic.awaitEvents(id, 2, Duration.ofSeconds(30));
            assertThat(events).extracting(e -> e.get("type").asString())
                    .containsExactly("parcel.registered", "parcel.shipped");
            assertThat(events).extracting(e -> e.get("sequence").asLong()).containsExactly(1L, 2L);
            JsonNode first = events.get(0);
            assertThat(first.get("source").asString()).isEqualTo("platform-sample");
            assertThat(first.get("aggregateType").asString()).isEqualTo("parcel");
            assertThat(first.get("aggregateId").asString()).isEqualTo(id);
            assertThat(first.get("region").asString()).isEqualTo("341300");
            assertThat(first.get("schemaVersion").asInt()).isEqualTo(1);
            assertThat(first.get("correlationId").asString()).isEqualTo("req-" + id);
            assertThat(first.get("id").asString()).hasSize(36);
            assertThat(first.get("occurredAt").asString()).endsWith("Z");
            assertThat(first.get("data").get("label").asString()).isEqualTo("营业执照");
        }
        // the relay removed what it published, without touching the aggregate's version
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingOutbox(id).isEmpty());
        assertThat(mongo.getCollection("parcels").find(new Document("_id", id)).first().get("version"))
                .isEqualTo(1L);
    }

    @Test
    void anEventSavedWhileTheBrokerIsDownIsPublishedExactlyAsSavedWhenItReturns() {
        String id = "down-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaBroker broker = KafkaBroker.shared();
        broker.stop();
        try {
            // the user's request does not depend on the broker: state and event are stored together
            var response = ApiClient.localPort(port).post("/api/v1/parcels").token(officer)
                    .json(Map.of("id", id, "region", "341300", "label", "broker outage")).send();
            assertThat(response.status()).isEqualTo(201);
            List<Document> pending = pendingOutbox(id);
            assertThat(pending).hasSize(1);
            String storedData = pending.get(0).getString("data");
            String storedEventId = pending.get(0).getString("eventId");
            assertThat(storedData).contains("broker outage");

            broker.start();
            try (TopicReader topic = TopicReader.fromBeginning(ParcelTrackingListener.TOPIC)) {
                JsonNode event = topic.awaitEvents(id, 1, Duration.ofSeconds(60)).get(0);
                assertThat(event.get("id").asString()).isEqualTo(storedEventId);
                assertThat(event.get("data")).isEqualTo(JSON.readTree(storedData));
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> pendingOutbox(id).isEmpty());
        } finally {
            broker.start();
        }
    }

    @Test
    void aRedeliveredEventIsAppliedOnceByAVersionIdempotentConsumer() {
        String id = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient api = ApiClient.localPort(port);
        api.post("/api/v1/parcels").token(officer).json(Map.of("id", id, "region", "341300", "label", "x")).send();
        api.post("/api/v1/parcels/" + id + "/ship").token(officer).send();
        await().atMost(Duration.ofSeconds(30)).until(() -> tracking(id) != null && tracking(id).eventsApplied() == 2);

        // the relay may already have published an event twice (a save racing its removal): keep one per sequence
        Map<Long, String> published = new java.util.TreeMap<>();
        try (TopicReader topic = TopicReader.fromBeginning(ParcelTrackingListener.TOPIC)) {
            topic.awaitEvents(id, 2, Duration.ofSeconds(30)).forEach(e -> published.put(e.get("sequence").asLong(),
                    JSON.writeValueAsString(e)));
        }
        assertThat(published).containsOnlyKeys(1L, 2L);
        // redeliver both events (as after a relay crash between ack and removal), the older one last
        try (KafkaProducer<String, String> producer = rawProducer()) {
            producer.send(new ProducerRecord<>(ParcelTrackingListener.TOPIC, id, published.get(2L)));
            producer.send(new ProducerRecord<>(ParcelTrackingListener.TOPIC, id, published.get(1L)));
        }
        ConsumerLag.awaitCaughtUp("platform-sample.tracking", ParcelTrackingListener.TOPIC, Duration.ofSeconds(30));

        assertThat(tracking(id).eventsApplied()).isEqualTo(2);
        assertThat(tracking(id).lastType()).isEqualTo("parcel.shipped");
    }

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopic() {
        String key = "poison-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = rawProducer()) {
            producer.send(new ProducerRecord<>(ParcelTrackingListener.TOPIC, key, "{not an envelope"));
        }
        try (TopicReader deadLetters = TopicReader.fromBeginning(ParcelTrackingListener.TOPIC + ".DLT")) {
            var records = deadLetters.awaitRecords(r -> r.stream().anyMatch(x -> key.equals(x.key())),
                    Duration.ofSeconds(60));
            assertThat(records).anyMatch(r -> key.equals(r.key()) && r.value().equals("{not an envelope"));
        }
    }

    private List<Document> pendingOutbox(String id) {
        Document parcel = mongo.getCollection("parcels").find(new Document("_id", id)).first();
        return parcel == null ? List.of() : parcel.getList("outbox", Document.class, List.of());
    }

    private ParcelTracking tracking(String id) {
        return mongo.findById(id, ParcelTracking.class);
    }

    private static KafkaProducer<String, String> rawProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.shared().bootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(), ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName()));
    }
}
