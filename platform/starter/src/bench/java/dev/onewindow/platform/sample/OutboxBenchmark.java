package dev.onewindow.platform.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.onewindow.platform.testkit.KafkaBroker;
import dev.onewindow.platform.testkit.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbox benchmark (run by {@code bench/outbox.sh}, not a test): writer threads save aggregates through the real
 * repository (each save stores one event in the document's outbox); an independent consumer records when each event
 * arrives on the topic. Prints events/s and save→published latency percentiles, measured end to end (the save's
 * {@code occurredAt} to the consumer receiving the record), excluding a warm-up.
 */
public final class OutboxBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        int aggregates = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int writers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int warmup = Math.min(2_000, aggregates / 5);

        ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleApplication.class)
                .initializers(new TestInfrastructure()).profiles("local")
                .properties(Map.of("server.port", "0", "logging.level.root", "WARN",
                        "spring.kafka.listener.auto-startup", "false", "onewindow.outbox.sweep-interval", "5s"))
                .run();
        ParcelRepository parcels = app.getBean(ParcelRepository.class);
        String run = UUID.randomUUID().toString().substring(0, 8);

        Map<String, Long> latencyMicros = new ConcurrentHashMap<>();
        AtomicLong lastArrival = new AtomicLong();
        Thread consumer = new Thread(() -> consume(run, aggregates, latencyMicros, lastArrival), "bench-consumer");
        consumer.start();
        Thread.sleep(3000); // let the consumer join before the first event

        runWriters(parcels, run, 0, warmup, writers);
        while (latencyMicros.size() < warmup) {
            Thread.sleep(50);
        }
        Instant start = Instant.now();
        runWriters(parcels, run, warmup, aggregates, writers);
        Instant saved = Instant.now();
        consumer.join(Duration.ofMinutes(5).toMillis());
        Duration total = Duration.between(start, Instant.ofEpochMilli(lastArrival.get()));

        long[] measured = latencyMicros.entrySet().stream()
                .filter(e -> Integer.parseInt(e.getKey().substring(e.getKey().lastIndexOf('-') + 1)) >= warmup)
                .mapToLong(Map.Entry::getValue).sorted().toArray();
        int events = measured.length;
        System.out.printf("%nOutbox benchmark: %d aggregates saved by %d writer threads (after %d warm-up)%n",
                aggregates - warmup, writers, warmup);
        System.out.printf("  saves took              %.2f s (%.0f saves/s)%n",
                Duration.between(start, saved).toMillis() / 1000.0,
                (aggregates - warmup) * 1000.0 / Duration.between(start, saved).toMillis());
        System.out.printf("  events published        %d in %.2f s%n", events, total.toMillis() / 1000.0);
        System.out.printf("  throughput              %.0f events/s  (target >= 2000)%n",
                events * 1000.0 / total.toMillis());
        System.out.printf("  save->published latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms  (target p99 <= 100)%n",
                pct(measured, 50), pct(measured, 95), pct(measured, 99), measured[events - 1] / 1000.0);
        app.close();
        System.exit(0);
    }

    private static void runWriters(ParcelRepository parcels, String run, int from, int to, int writers)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        for (int i = from; i < to; i++) {
            int n = i;
            pool.execute(() -> parcels.insert(Parcel.register(run + "-" + n, "341300", "bench " + n, Instant.now())));
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
    }

    private static void consume(String run, int expected, Map<String, Long> latencyMicros, AtomicLong lastArrival) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + run,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(ParcelTrackingListener.TOPIC));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (latencyMicros.size() < expected && Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    Instant arrived = Instant.now();
                    if (record.key() == null || !record.key().startsWith(run)) {
                        continue;
                    }
                    JsonNode event = JSON.readTree(record.value());
                    Instant occurred = Instant.parse(event.get("occurredAt").asString());
                    if (latencyMicros.putIfAbsent(record.key(), Duration.between(occurred, arrived).toNanos() / 1000)
                            == null) {
                        lastArrival.set(arrived.toEpochMilli());
                    }
                }
            }
        }
    }

    private static double pct(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1000.0;
    }

    private OutboxBenchmark() {
    }
}
