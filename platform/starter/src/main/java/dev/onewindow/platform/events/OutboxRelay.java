package dev.onewindow.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes outbox entries to {@code <service>.<aggregate>.events.v<major>}, keyed by aggregate id, then removes
 * them from their document with an atomic {@code $pull} that leaves the aggregate's {@code @Version} alone (so
 * publishing never makes a user's concurrent update fail).
 *
 * <p>It runs on one thread per service instance: nudges after saves and the periodic sweep (which recovers events
 * left by a crash or a broker outage) are serialised, so one instance never interleaves an aggregate's events.
 * Entries of one document are sent in sequence order through an idempotent producer with {@code acks=all}; an
 * entry is removed only after the broker acknowledged it and every entry before it. Publishing twice is possible
 * (crash between ack and removal); losing an event is not.
 */
public class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String OUTBOX = "outbox";
    private static final String EVENT_ID = "outbox.eventId";

    private final MongoTemplate mongo;
    private final Producer<String, String> producer;
    private final JsonMapper json;
    private final String source;
    private final OutboxProperties properties;
    private final ScheduledExecutorService worker;
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<Object, Document>> nudged = new ConcurrentHashMap<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Counter published;
    private final Counter failed;
    private final Timer latency;
    private volatile boolean lastRoundFailed;

    public OutboxRelay(MongoTemplate mongo, Producer<String, String> producer, JsonMapper json, String source,
            OutboxProperties properties, Collection<String> aggregateCollections, MeterRegistry meters) {
        this.mongo = mongo;
        this.producer = producer;
        this.json = json;
        this.source = source;
        this.properties = properties;
        this.published = meters.counter("onewindow.outbox.published");
        this.failed = meters.counter("onewindow.outbox.publish.failures");
        this.latency = Timer.builder("onewindow.outbox.latency")
                .description("from the state change to the broker's acknowledgement of its event")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        aggregateCollections.forEach(this::track);
        long sweepMillis = properties.sweepInterval().toMillis();
        worker.scheduleWithFixedDelay(this::sweep, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Asks the relay to publish one aggregate's pending events soon (called right after its save). {@code saved} is
     * the document exactly as written, so the relay need not read it back; a later save of the same aggregate
     * supersedes it, since its outbox holds every entry still unpublished when it was loaded.
     */
    public void nudge(String collection, Document saved) {
        track(collection);
        nudged.computeIfAbsent(collection, c -> new ConcurrentHashMap<>()).put(saved.get("_id"), saved);
        if (drainScheduled.compareAndSet(false, true)) {
            worker.execute(this::drainNudges);
        }
    }

    /** Publishes everything pending in every known aggregate collection now; used by the sweep and by tests. */
    public void sweep() {
        try {
            for (String collection : collections) {
                int found;
                do {
                    found = publish(collection, Filters.exists(EVENT_ID));
                } while (found == properties.batchSize() && !lastRoundFailed);
            }
        } catch (RuntimeException e) {
            log.warn("outbox sweep failed; will retry in {}", properties.sweepInterval(), e);
        }
    }

    private void drainNudges() {
        drainScheduled.set(false);
        try {
            for (Map.Entry<String, Map<Object, Document>> entry : nudged.entrySet()) {
                Map<Object, Document> pending = entry.getValue();
                List<Document> batch = new ArrayList<>();
                for (Object id : pending.keySet()) {
                    Document saved = pending.remove(id);
                    if (saved != null) {
                        batch.add(saved);
                    }
                    if (batch.size() == properties.batchSize()) {
                        publish(entry.getKey(), batch);
                        batch = new ArrayList<>();
                    }
                }
                if (!batch.isEmpty()) {
                    publish(entry.getKey(), batch);
                }
            }
        } catch (RuntimeException e) {
            log.warn("publishing nudged outbox events failed; the sweep will retry", e);
        }
    }

    private int publish(String collectionName, Bson filter) {
        List<Document> documents = mongo.getCollection(collectionName).find(filter)
                .projection(Projections.include(OUTBOX)).limit(properties.batchSize()).into(new ArrayList<>());
        return documents.isEmpty() ? 0 : publish(collectionName, documents);
    }

    /** One round: send the documents' outbox entries, wait for acks, pull what was acknowledged. */
    private int publish(String collectionName, List<Document> documents) {
        MongoCollection<Document> collection = mongo.getCollection(collectionName);
        Map<Object, List<Sent>> sentByDocument = new LinkedHashMap<>();
        boolean brokerUnreachable = false;
        for (Document document : documents) {
            Object id = document.get("_id");
            List<Sent> sent = new ArrayList<>();
            for (Document entry : document.getList(OUTBOX, Document.class, List.of())) {
                // once a send could not even start, the rest of the round would only wait for the same timeout
                Sent attempt = brokerUnreachable ? Sent.notSent(entry) : send(String.valueOf(id), entry);
                brokerUnreachable |= attempt.ack == null;
                sent.add(attempt);
            }
            sentByDocument.put(id, sent);
        }
        List<UpdateOneModel<Document>> removals = new ArrayList<>();
        Instant deadline = Instant.now().plus(properties.sendTimeout());
        boolean anyFailed = false;
        for (Map.Entry<Object, List<Sent>> document : sentByDocument.entrySet()) {
            Set<String> acknowledged = new LinkedHashSet<>();
            for (Sent sent : document.getValue()) {
                if (!sent.acknowledged(deadline)) {
                    anyFailed = true;
                    break; // keep this entry and every later one of the aggregate: order must hold
                }
                acknowledged.add(sent.eventId());
                Duration sinceChange = Duration.between(sent.occurredAt(), Instant.now());
                if (!sinceChange.isNegative()) { // occurredAt comes from the service's Clock, which tests may move
                    latency.record(sinceChange);
                }
            }
            if (!acknowledged.isEmpty()) {
                removals.add(new UpdateOneModel<>(Filters.eq("_id", document.getKey()),
                        Updates.pullByFilter(new Document(OUTBOX,
                                new Document("eventId", new Document("$in", List.copyOf(acknowledged)))))));
                published.increment(acknowledged.size());
            }
        }
        if (!removals.isEmpty()) {
            collection.bulkWrite(removals);
        }
        if (anyFailed && !lastRoundFailed) {
            log.warn("the broker did not acknowledge some events of {}; they stay in the outbox for the next sweep",
                    collectionName);
        } else if (!anyFailed && lastRoundFailed) {
            log.info("outbox publishing recovered");
        }
        lastRoundFailed = anyFailed;
        return documents.size();
    }

    private Sent send(String aggregateId, Document entry) {
        String aggregateType = entry.getString("aggregateType");
        int schemaVersion = entry.getInteger("schemaVersion", 1);
        String topic = topic(source, aggregateType, schemaVersion);
        ObjectNode envelope = json.createObjectNode();
        envelope.put("id", entry.getString("eventId"));
        envelope.put("type", entry.getString("type"));
        envelope.put("source", source);
        Instant occurredAt = entry.getDate("occurredAt").toInstant();
        envelope.put("occurredAt", occurredAt.toString());
        envelope.put("aggregateType", aggregateType);
        envelope.put("aggregateId", aggregateId);
        envelope.put("sequence", ((Number) entry.get("sequence")).longValue());
        envelope.put("schemaVersion", schemaVersion);
        envelope.put("region", entry.getString("region"));
        envelope.put("correlationId", entry.getString("correlationId"));
        envelope.put("causationId", entry.getString("causationId"));
        envelope.set("data", json.readTree(entry.getString("data")));
        try {
            Future<RecordMetadata> ack = producer.send(
                    new ProducerRecord<>(topic, aggregateId, json.writeValueAsString(envelope)));
            return new Sent(entry.getString("eventId"), occurredAt, ack);
        } catch (RuntimeException e) {
            // e.g. metadata unavailable within max.block.ms while the broker is down
            failed.increment();
            return Sent.notSent(entry);
        }
    }

    /** {@code <service>.<aggregate>.events.v<major>}, the one topic per producing aggregate (docs/architecture.md). */
    public static String topic(String service, String aggregateType, int schemaVersion) {
        return service + "." + aggregateType + ".events.v" + schemaVersion;
    }

    private void track(String collection) {
        if (collections.add(collection)) {
            // finds documents with pending events without scanning the collection
            mongo.getCollection(collection).createIndex(Indexes.ascending(EVENT_ID), new IndexOptions()
                    .name("outbox_pending").partialFilterExpression(Filters.exists(EVENT_ID)));
        }
    }

    @Override
    public void destroy() {
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    private static final class Sent {
        private final String eventId;
        private final Instant occurredAt;
        private final Future<RecordMetadata> ack;

        Sent(String eventId, Instant occurredAt, Future<RecordMetadata> ack) {
            this.eventId = eventId;
            this.occurredAt = occurredAt;
            this.ack = ack;
        }

        static Sent notSent(Document entry) {
            return new Sent(entry.getString("eventId"), entry.getDate("occurredAt").toInstant(), null);
        }

        String eventId() { return eventId; }
        Instant occurredAt() { return occurredAt; }

        boolean acknowledged(Instant deadline) {
            if (ack == null) {
                return false;
            }
            try {
                ack.get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
                return true;
            } catch (ExecutionException | TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
