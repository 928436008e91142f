package dev.onewindow.platform.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.LoggerFactory;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event path (docs/architecture.md) for every service: the in-document outbox, its relay to Kafka, and the consumer
 * side (envelope reader, sequence guard, bounded retries then {@code <topic>.DLT}).
 */
@AutoConfiguration(afterName = {"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@EnableConfigurationProperties(OutboxProperties.class)
public class EventsAutoConfiguration {

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaProperties kafka, JsonMapper json, OutboxProperties properties,
            MeterRegistry meters, @Value("${spring.application.name}") String service) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        // durability and per-aggregate order: every replica has it, and retries cannot reorder or duplicate
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // when the broker is down, fail fast and leave the events to the sweep instead of blocking the relay
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8000);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-outbox-relay");
        List<String> aggregateCollections = mongo.getConverter().getMappingContext().getPersistentEntities().stream()
                .filter(entity -> AggregateRoot.class.isAssignableFrom(entity.getType()))
                .map(MongoPersistentEntity::getCollection)
                .toList();
        return new OutboxRelay(mongo, new KafkaProducer<>(config), json, service, properties, aggregateCollections,
                meters);
    }

    @Bean
    OutboxMongoListener outboxMongoListener(JsonMapper json, OutboxRelay relay) {
        return new OutboxMongoListener(json, relay);
    }

    @Bean
    EventReader eventReader(JsonMapper json) {
        return new EventReader(json);
    }

    @Bean
    SequenceGuard sequenceGuard(MongoTemplate mongo) {
        return new SequenceGuard(mongo);
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** Boot's listener containers pick this up: 3 retries 1 s apart, then the record goes to {@code <topic>.DLT}. */
    @Bean
    CommonErrorHandler deadLetteringErrorHandler(KafkaTemplate<Object, Object> template) {
        // dead letters go to <topic>.DLT (docs/architecture.md) (spring-kafka 4 would default to <topic>-dlt); partition -1 lets
        // the record key choose it, so the DLT need not mirror the source topic's partition count
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(record.topic() + ".DLT", -1));
        // a dead letter needs an operator's attention: say so loudly (the record may hold personal data: not logged)
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            LoggerFactory.getLogger(EventsAutoConfiguration.class).error(
                    "record {}-{}@{} (key {}) goes to the dead-letter topic: {}", record.topic(), record.partition(),
                    record.offset(), record.key(), rootMessage(failure));
            deadLetters.accept(record, failure);
        }, new FixedBackOff(1000, 3));
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }
}
