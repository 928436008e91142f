package dev.onewindow.casehandling.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.onewindow.casehandling.CaseHandlingApplication;
import dev.onewindow.casehandling.cases.Actor;
import dev.onewindow.casehandling.cases.Applicant;
import dev.onewindow.casehandling.cases.ApplicantType;
import dev.onewindow.casehandling.cases.Case;
import dev.onewindow.casehandling.cases.CaseKind;
import dev.onewindow.casehandling.cases.CaseRules;
import dev.onewindow.casehandling.cases.Channel;
import dev.onewindow.casehandling.cases.EntrySnapshot;
import dev.onewindow.casehandling.cases.Material;
import dev.onewindow.casehandling.support.CaseHandlingTestSetup;
import dev.onewindow.casehandling.support.People;
import dev.onewindow.casehandling.support.Stubs;
import dev.onewindow.platform.security.Roles;
import dev.onewindow.platform.testkit.TestInfrastructure;
import dev.onewindow.platform.testkit.bench.ServerTimings;
import dev.onewindow.platform.testkit.TokenMinter;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.onewindow.platform.testkit.bench.ServerTimings.percentileMillis;

/**
 * Case lifecycle benchmark (run by {@code case-handling/bench/case-bench.sh}, not a test). The real service
 * (HTTP, security with real tokens, Feign to an in-process WireMock catalog, the outbox relay to the real KRaft
 * broker, the Mongo wire-protocol stand-in) runs whole lifecycles — submit → accept → start review → approve (a
 * DOCUMENT result completes on approval) → read own list — from concurrent client threads, first with 10,000 and then
 * with 100,000 cases already stored (bulk-inserted directly). It prints lifecycles/s, client-side latency
 * percentiles per call, and how much of each call's server time was spent waiting for the Mongo stand-in (the
 * driver's command listener, summed per request thread) — the rest is OneWindow's own time.
 *
 * <p>Arguments: {@code [preStoredSizes=10000,100000] [lifecycles=1500] [clientThreads=8]}.
 */
public final class CaseLifecycleBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> STEPS = List.of("submit", "accept", "review", "approve", "mine");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int lifecycles = args.length > 1 ? Integer.parseInt(args[1]) : 1500;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;

        ConfigurableApplicationContext app = new SpringApplicationBuilder(CaseHandlingApplication.class,
                ServerTimings.class)
                .profiles("local")
                .initializers(new TestInfrastructure(), new CaseHandlingTestSetup())
                .properties(Map.of("server.port", "0", "logging.level.root", "WARN",
                        "onewindow.outbox.sweep-interval", "5s"))
                .run();
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        CaseRules rules = app.getBean(dev.onewindow.casehandling.cases.CaseRulesSource.class).current();

        Map<String, Object> entry = Stubs.entry(Stubs.implementationCode("SCJGJ"), 1, "SCJGJ");
        entry.put("result", Stubs.result("DOCUMENT", null));
        Stubs.publish(entry);
        Bench bench = new Bench(port, (String) entry.get("implementationCode"), threads);

        System.out.printf("%nCase lifecycle benchmark: %d client threads, %d lifecycles per run, 2 cores shared, "
                + "Mongo stand-in: %s%n", threads, lifecycles,
                "plain".equals(System.getProperty("onewindow.mongo-stand-in"))
                        ? "mongo-java-server's plain memory backend (scans unless a filter is exactly a unique index)"
                        : "indexed memory backend (uses _id and secondary indexes as MongoDB does)");
        bench.run(Math.max(500, lifecycles / 2), false); // warm-up: JIT (C2 on 2 busy cores), pools, Kafka metadata
        long stored = mongo.getCollection("cases").countDocuments();
        for (int size : sizes) {
            if (stored < size) {
                long started = System.nanoTime();
                preStore(mongo, rules, (int) (size - stored), stored);
                System.out.printf("%n(bulk-inserted %d cases in %.1f s)%n", size - stored,
                        (System.nanoTime() - started) / 1e9);
            }
            stored = mongo.getCollection("cases").countDocuments();
            System.out.printf("%n== %,d cases stored ==%n", stored);
            bench.run(lifecycles, true);
            stored = mongo.getCollection("cases").countDocuments();
        }
        app.close();
        System.exit(0);
    }

    /** Cases in every state and department, as a city accumulates them, written straight to the collection. */
    private static void preStore(MongoTemplate mongo, CaseRules rules, int count, long offset) {
        String[] departments = {"SCJGJ", "GAJ", "WSJKW", "RSJ", "ZRZYJ", "SJZYJ"};
        Actor citizen = new Actor("bench", "bench", java.util.Set.of(Roles.CITIZEN), null);
        Actor officer = new Actor("o", "o", java.util.Set.of(Roles.WINDOW_OFFICER), null);
        Actor reviewer = new Actor("r", "r", java.util.Set.of(Roles.REVIEWER), null);
        Actor approver = new Actor("a", "a", java.util.Set.of(Roles.APPROVER), null);
        Instant base = Instant.parse("2025-06-02T01:00:00Z");
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long n = offset + i;
            String department = departments[(int) (n % departments.length)];
            Instant at = base.plusSeconds(n * 60);
            EntrySnapshot snapshot = new EntrySnapshot("XK00105000341300" + department, 1, "预置事项", "XK",
                    department, "341300", 10, 20, EntrySnapshot.DOCUMENT, null,
                    List.of(new EntrySnapshot.Material("M01", "营业执照", true, List.of("YYZZ"))));
            String ref = "bench-holder-" + n;
            Applicant applicant = new Applicant(ApplicantType.NATURAL_PERSON, "预置" + n, "x", "341302********0000",
                    null, null, null, null, null, null, ref, null);
            Case.Draft draft = new Case.Draft("pre-" + n, "349900" + "20250602" + String.format("%08d", n),
                    CaseKind.SINGLE, null, null, null, snapshot, department, "341300", Channel.MOBILE_APP, applicant,
                    List.of(ref), "bench", "onewindow-app", Map.of("shopName", "店" + n),
                    List.of(Material.file("M01", "f-" + n, "yyzz.pdf", "application/pdf", 1000, at)));
            Case c = Case.submit(draft, citizen, Roles.CITIZEN, null, rules, at);
            int stage = (int) (n % 4);
            if (stage >= 1) {
                c.accept(officer, rules, at.plusSeconds(600));
            }
            if (stage >= 2) {
                c.startReview(reviewer, rules, at.plusSeconds(1200));
            }
            if (stage >= 3) {
                c.approve(approver, null, rules, at.plusSeconds(1800));
            }
            Document document = new Document();
            mongo.getConverter().write(c, document);
            document.remove("outbox"); // long published: nothing left for the relay
            document.put("version", 0L);
            batch.add(document);
            if (batch.size() == 2000) {
                mongo.getCollection("cases").insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.getCollection("cases").insertMany(batch);
        }
    }

    /** The client side: citizens, staff tokens, and the per-call latency record. */
    private static final class Bench {
        private final int port;
        private final String implementationCode;
        private final int threads;
        private final String officer;
        private final String reviewer;
        private final String approver;
        private final List<String[]> citizens = new ArrayList<>(); // token, fileId

        Bench(int port, String implementationCode, int threads) throws Exception {
            this.port = port;
            this.implementationCode = implementationCode;
            this.threads = threads;
            TokenMinter tokens = TokenMinter.shared();
            this.officer = tokens.user("officer", "window-officer").dept("SCJGJ").region("341300")
                    .expiresIn(Duration.ofHours(2)).mint();
            this.reviewer = tokens.user("reviewer", "reviewer").dept("SCJGJ").region("341300")
                    .expiresIn(Duration.ofHours(2)).mint();
            this.approver = tokens.user("approver", "approver").dept("SCJGJ").region("341300")
                    .expiresIn(Duration.ofHours(2)).mint();
            for (int i = 0; i < 400; i++) {
                String id = People.newIdNumber();
                String token = tokens.user("bench-citizen-" + i, "citizen").idNumber(id)
                        .expiresIn(Duration.ofHours(2)).mint();
                citizens.add(new String[] {token, upload(token)});
            }
        }

        void run(int lifecycles, boolean report) throws InterruptedException {
            Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
            STEPS.forEach(step -> latencies.put(step, new ConcurrentLinkedQueue<>()));
            ServerTimings.clear();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long started = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                pool.execute(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < lifecycles) {
                        try {
                            lifecycle(citizens.get(n % citizens.size()), latencies);
                        } catch (RuntimeException | IOException e) {
                            failures.incrementAndGet();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(2, TimeUnit.HOURS);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (!report) {
                return;
            }
            System.out.printf("  %d lifecycles (%d failed) in %.1f s = %.1f lifecycles/s%n", lifecycles,
                    failures.get(), seconds, (lifecycles - failures.get()) / seconds);
            System.out.printf("  %-8s %9s %9s %9s | %12s %12s %7s %14s%n", "call", "p50 ms", "p95 ms", "p99 ms",
                    "server ms", "mongo ms", "mongo%", "own (non-db)ms");
            for (String step : STEPS) {
                long[] sorted = latencies.get(step).stream().mapToLong(Long::longValue).sorted().toArray();
                List<long[]> server = ServerTimings.of(step);
                double serverMs = server.stream().mapToLong(s -> s[0]).average().orElse(0) / 1e6;
                double mongoMs = server.stream().mapToLong(s -> s[1]).average().orElse(0) / 1e6;
                System.out.printf("  %-8s %9.1f %9.1f %9.1f | %12.2f %12.2f %6.0f%% %14.2f%n", step,
                        percentileMillis(sorted, 50), percentileMillis(sorted, 95), percentileMillis(sorted, 99),
                        serverMs, mongoMs,
                        serverMs == 0 ? 0 : 100 * mongoMs / serverMs, serverMs - mongoMs);
            }
            System.out.print("  Mongo commands (all threads, incl. the outbox relay):");
            System.out.println(ServerTimings.commands());
        }

        private void lifecycle(String[] citizen, Map<String, ConcurrentLinkedQueue<Long>> latencies)
                throws IOException, InterruptedException {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("implementationCode", implementationCode);
            body.put("channel", "MOBILE_APP");
            body.put("applicant", Map.of("name", "张三"));
            body.put("formData", Map.of("shopName", "老张小吃", "age", 35));
            body.put("materials", List.of(Map.of("code", "M01", "fileId", citizen[1])));
            JsonNode created = call("submit", "POST", "/api/v1/cases", citizen[0], JSON.writeValueAsString(body),
                    201, latencies);
            String id = created.get("id").asString();
            call("accept", "POST", "/api/v1/cases/" + id + "/accept", officer, null, 200, latencies);
            call("review", "POST", "/api/v1/cases/" + id + "/review", reviewer, null, 200, latencies);
            JsonNode approved = call("approve", "POST", "/api/v1/cases/" + id + "/approve", approver, null, 200,
                    latencies);
            if (!"COMPLETED".equals(approved.get("status").asString())) {
                throw new IllegalStateException("not completed: " + approved);
            }
            call("mine", "GET", "/api/v1/cases/mine?size=20", citizen[0], null, 200, latencies);
        }

        private JsonNode call(String step, String method, String path, String token, String json, int expected,
                Map<String, ConcurrentLinkedQueue<Long>> latencies) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                    .header(ServerTimings.STEP_HEADER, step);
            if (json != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            long started = System.nanoTime();
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            latencies.get(step).add(System.nanoTime() - started);
            if (response.statusCode() != expected) {
                throw new IllegalStateException(step + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        }

        private String upload(String token) throws Exception {
            String boundary = "----bench" + UUID.randomUUID();
            byte[] content = new byte[4096];
            System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, content, 0, 9);
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"y.pdf\""
                    + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[head.length + content.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(content, 0, body, head.length, content.length);
            System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/cases/files"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body()).get("fileId").asString();
        }
    }



    private CaseLifecycleBenchmark() {
    }
}
