package dev.onewindow.supervision.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.onewindow.platform.calendar.Limit;
import dev.onewindow.platform.calendar.WorkClock;
import dev.onewindow.platform.testkit.KafkaBroker;
import dev.onewindow.platform.testkit.TestInfrastructure;
import dev.onewindow.supervision.Source;
import dev.onewindow.supervision.SupervisionApplication;
import dev.onewindow.supervision.watch.Phases;
import dev.onewindow.supervision.watch.WatchService;
import dev.onewindow.supervision.watch.Watched;
import dev.onewindow.supervision.watch.WatchedClock;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The watch's benchmark (not a test; {@code supervision/bench/supervision-bench.sh}), the real service in-process
 * against the test kit's KRaft broker and Mongo stand-in:
 * <ol>
 * <li><b>Projection lag</b>: {@code case.submitted} events of new cases published to case-handling's real topic at a
 *     steady rate for a while; lag = the projection's save (after-save listener, wall clock) − the event's
 *     {@code occurredAt} (set when the producer sends it); p50/p95/p99/max. Before measuring, every topic the
 *     service's listeners read is created (3 partitions, as the broker's default), every listener container has its
 *     partitions assigned, and a warm-up load (10 s at the rate, not measured) has been applied — so the figures are
 *     the steady state, not the consumers joining or the JIT compiling.</li>
 * <li><b>Sweep</b>: N open clocks stored (default 10,000 then 100,000), of which 500 fall due within the next seconds
 *     and the rest far later; the scheduled sweep (every 5 s here) raises their RED alerts: how long after its due
 *     instant each alert was raised, and the time of one sweep run with nothing due and with due matters, at each N.</li>
 * </ol>
 * The machine's load average is printed at the start and end of each part.
 */
public final class SupervisionBenchmark {

    private static final ConcurrentLinkedQueue<Long> LAGS = new ConcurrentLinkedQueue<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        int[] sizes = Arrays.stream((args.length > 2 ? args[2] : "10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SupervisionApplication.class,
                LagProbe.class).profiles("local").initializers(new TestInfrastructure())
                .run("--server.port=0", "--logging.level.root=WARN", "--logging.level.dev.onewindow=WARN",
                        "--logging.level.de.bwaldvogel.mongo.wire.MongoWireMessageEncoder=OFF",
                        "--onewindow.supervision.sweep-interval=5s");
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        WatchService watch = app.getBean(WatchService.class);
        System.out.printf("cores %d%n", Runtime.getRuntime().availableProcessors());

        ready(app);
        try (KafkaProducer<String, String> producer = producer()) {
            int warmUp = Math.min(seconds, WARM_UP_SECONDS);
            System.out.printf("%n== warm-up: %d events/s for %d s (not measured) ==  load %s%n", rate, warmUp, load());
            long applied = publishAndWait(producer, rate, warmUp);
            System.out.printf("warm-up applied %,d of %,d%n", applied, (long) rate * warmUp);
            LAGS.clear();
            System.out.printf("%n== projection lag: %d events/s for %d s ==  load %s%n", rate, seconds, load());
            lag(producer, rate, seconds);
        }
        System.out.printf("load at the end %s%n", load());

        for (int n : sizes) {
            System.out.printf("%n== sweep with %,d open clocks ==  load %s%n", n, load());
            sweep(mongo, watch, n);
            System.out.printf("load at the end %s%n", load());
        }
        app.close();
        System.exit(0);
    }

    private static final int WARM_UP_SECONDS = 10;

    /**
     * Creates every topic the listeners read (so no consumer starts on a missing topic) and waits until every
     * listener container has its partitions assigned.
     */
    private static void ready(ConfigurableApplicationContext app) throws Exception {
        KafkaListenerEndpointRegistry registry = app.getBean(KafkaListenerEndpointRegistry.class);
        Set<String> topics = new TreeSet<>();
        for (MessageListenerContainer container : registry.getListenerContainers()) {
            String[] listened = container.getContainerProperties().getTopics();
            if (listened != null) {
                topics.addAll(Arrays.asList(listened));
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.shared().bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 3, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        }
        long started = System.currentTimeMillis();
        long deadline = started + 120_000;
        for (MessageListenerContainer container : registry.getListenerContainers()) {
            while (container.getContainerProperties().getTopics() != null
                    && (container.getAssignedPartitions() == null || container.getAssignedPartitions().isEmpty())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("no partitions assigned to " + container.getListenerId());
                }
                Thread.sleep(100);
            }
        }
        System.out.printf("%d topics created or present, %d listener containers assigned in %,d ms%n", topics.size(),
                registry.getListenerContainers().size(), System.currentTimeMillis() - started);
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.shared().bootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(), ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(), ProducerConfig.LINGER_MS_CONFIG, 0));
    }

    /** Publishes {@code rate × seconds} submissions and waits (≤ 2 min) until applied; answers how many were. */
    private static long publishAndWait(KafkaProducer<String, String> producer, int rate, int seconds)
            throws Exception {
        int total = rate * seconds;
        publish(producer, rate, total);
        long deadline = System.currentTimeMillis() + 120_000;
        while (LAGS.size() < total && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        return LAGS.size();
    }

    private static void lag(KafkaProducer<String, String> producer, int rate, int seconds) throws Exception {
        long gcCount = gc(GarbageCollectorMXBean::getCollectionCount);
        long gcMillis = gc(GarbageCollectorMXBean::getCollectionTime);
        long start = System.nanoTime();
        int total = rate * seconds;
        publish(producer, rate, total);
        long sentIn = (System.nanoTime() - start) / 1_000_000;
        long deadline = System.currentTimeMillis() + 120_000;
        while (LAGS.size() < total && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        List<Long> lags = new ArrayList<>(LAGS);
        lags.sort(null);
        System.out.printf("sent %,d in %,d ms; applied %,d; lag ms p50 %d  p95 %d  p99 %d  max %d  (target p99 ≤ 500)%n",
                total, sentIn, lags.size(), pct(lags, 50), pct(lags, 95), pct(lags, 99),
                lags.isEmpty() ? -1 : lags.get(lags.size() - 1));
        System.out.printf("GC while measuring: %d collections, %,d ms%n",
                gc(GarbageCollectorMXBean::getCollectionCount) - gcCount,
                gc(GarbageCollectorMXBean::getCollectionTime) - gcMillis);
        LAGS.clear();
    }

    private static long gc(java.util.function.ToLongFunction<GarbageCollectorMXBean> figure) {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(figure).sum();
    }

    /** {@code total} submissions of new cases at a steady {@code rate}, each stamped when it is sent. */
    private static void publish(KafkaProducer<String, String> producer, int rate, int total) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + (long) i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String id = UUID.randomUUID().toString();
            Instant now = Instant.now();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("caseId", id);
            data.put("caseNo", "3413022026030200" + String.format("%06d", i % 1_000_000));
            data.put("kind", "SINGLE");
            data.put("departmentCode", "SCJGJ");
            data.put("region", "341302");
            data.put("submittedAt", now.toString());
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("id", UUID.randomUUID().toString());
            envelope.put("type", "case.submitted");
            envelope.put("source", "case-handling");
            envelope.put("occurredAt", now.toString());
            envelope.put("aggregateType", "case");
            envelope.put("aggregateId", id);
            envelope.put("sequence", 1);
            envelope.put("schemaVersion", 1);
            envelope.put("region", "341302");
            envelope.put("data", data);
            producer.send(new ProducerRecord<>("case-handling.case.events.v1", id,
                    JSON.writeValueAsString(envelope)));
        }
        producer.flush();
    }

    private static void sweep(MongoTemplate mongo, WatchService watch, int n) throws Exception {
        mongo.dropCollection(Watched.class);
        mongo.remove(new Query(), "alerts");
        mongo.remove(new Query(), "orders");
        mongo.indexOps(Watched.class).createIndex(new org.springframework.data.mongodb.core.index.Index()
                .on("nextFireAt", org.springframework.data.domain.Sort.Direction.ASC).sparse());
        Instant now = Instant.now();
        int due = 500;
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean soon = i < due;
            // a clock of one hour whose yellow alert is raised: its next instant is its due instant
            Instant started = soon ? now.minus(Duration.ofMinutes(60)).plusMillis(15_000 + i * 20L)
                    : now.plus(Duration.ofDays(30));
            Watched w = Watched.of(Source.CASE, UUID.randomUUID().toString());
            w.describe("B" + i, "341302", "SCJGJ");
            batch.add(toDocument(mongo, w, new WatchedClock(Phases.HANDLING, 1, "SCJGJ",
                    WorkClock.start(started, Limit.hours(1)), true, false),
                    started.plus(Duration.ofHours(1)).plusMillis(1)));
            if (batch.size() == 5000) {
                mongo.insert(batch, "watched");
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.insert(batch, "watched");
        }
        System.out.printf("stored %,d clocks in %,d ms; %d due between +15 s and +25 s%n", n,
                Duration.between(now, Instant.now()).toMillis(), due);
        System.out.printf("one sweep run with nothing due (5 runs): %s%n", idleSweeps(watch));
        long waitUntil = System.currentTimeMillis() + 90_000;
        while (mongo.count(new Query(), "alerts") < due && System.currentTimeMillis() < waitUntil) {
            Thread.sleep(500);
        }
        List<Long> late = new ArrayList<>();
        for (Document alert : mongo.find(Query.query(Criteria.where("kind").is("DEADLINE_OVERDUE")), Document.class,
                "alerts")) {
            late.add(alert.getDate("raisedAt").getTime() - alert.getDate("dueAt").getTime());
        }
        late.sort(null);
        System.out.printf("RED alerts %d of %d; raised after their due instant: p50 %d ms, p99 %d ms, max %d ms "
                + "(target ≤ 60 s; sweep every 5 s)%n", late.size(), due, pct(late, 50), pct(late, 99),
                late.isEmpty() ? -1 : late.get(late.size() - 1));
        System.out.printf("one sweep run with nothing due afterwards (5 runs): %s%n", idleSweeps(watch));
    }

    /** Five sweep runs one after the other: the time of each, in µs. */
    private static String idleSweeps(WatchService watch) {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            watch.sweep();
            runs.add(String.format("%,d µs", (System.nanoTime() - t) / 1_000));
        }
        return String.join(", ", runs);
    }

    private static Document toDocument(MongoTemplate mongo, Watched w, WatchedClock clock, Instant next) {
        Document d = new Document();
        mongo.getConverter().write(w, d);
        Document clocks = new Document();
        Document c = new Document();
        mongo.getConverter().write(clock, c);
        clocks.put(clock.phase(), c);
        d.put("clocks", clocks);
        d.put("nextFireAt", java.util.Date.from(next));
        d.put("appliedSequence", 1L);
        d.put("version", 0L);
        d.remove("_class");
        return d;
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String load() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Records, for each projection saved, the time from the event's occurredAt to the save. */
    @Configuration(proxyBeanMethods = false)
    static class LagProbe {
        @Bean
        AbstractMongoEventListener<Watched> lagProbe() {
            return new AbstractMongoEventListener<>() {
                @Override
                public void onAfterSave(AfterSaveEvent<Watched> event) {
                    Document doc = event.getDocument();
                    if (doc != null && doc.get("clocks") instanceof Document clocks
                            && clocks.get(Phases.ACCEPTANCE) instanceof Document acceptance
                            && acceptance.get("clock") instanceof Document clock) {
                        Object started = clock.get("startedAt");
                        if (started instanceof java.util.Date date) {
                            LAGS.add(System.currentTimeMillis() - date.getTime());
                        }
                    }
                }
            };
        }
    }
}
