package dev.onewindow.dataexchange.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoCollection;
import dev.onewindow.dataexchange.DataExchangeApplication;
import dev.onewindow.dataexchange.accesslog.ChainHash;
import dev.onewindow.dataexchange.accesslog.Outcome;
import dev.onewindow.platform.testkit.TestInfrastructure;
import dev.onewindow.platform.testkit.TokenMinter;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * data-exchange benchmark (run by {@code data-exchange/bench/data-exchange-bench.sh}, not a test). The real service
 * in-process (HTTP, security with real tokens from the test kit's {@link TokenMinter}, the outbox relay to the test
 * kit's KRaft broker, the Mongo wire-protocol stand-in) with its demo 市场监管 provider enabled:
 * <ol>
 * <li>(a) logged exchange queries per second — {@code POST /api/v1/exchange/queries} by a consumer system under an
 * unconditional grant: grant check, quota, the provider called over HTTP through its Feign adapter (breaker, time
 * limit), fields filtered and masked, the access appended to the hash-chained log and announced (data.accessed) —
 * against queries per second straight to the demo provider ({@code POST /demo-providers/scjgj/queries}, the same
 * token and answer), in alternating rounds of the same length in the same run; the ratio is the figure (target
 * ≥ 0.7);</li>
 * <li>(b) the verification of a 1,000,000-entry chain: entries built with the service's own {@link ChainHash} over
 * its lanes and bulk-inserted, a head sealed, then {@code GET /api/v1/exchange/access-log/verification} as an auditor
 * (target &lt; 60 s on 2 cores).</li>
 * </ol>
 * The machine load (1-minute average) is printed with every figure.
 */
public final class DataExchangeBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String USCC = "91341302MA2T4K7B8P";

    private DataExchangeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int chain = args.length > 3 ? Integer.parseInt(args[3]) : 1_000_000;
        List<Integer> latencies = java.util.Arrays.stream((args.length > 4 ? args[4] : "0,20").split(","))
                .map(Integer::parseInt).toList();

        ConfigurableApplicationContext app = new SpringApplicationBuilder(DataExchangeApplication.class)
                .profiles("local").initializers(new TestInfrastructure())
                .run("--server.port=0", "--logging.level.root=WARN", "--logging.level.dev.onewindow=WARN",
                        "--logging.level.de.bwaldvogel.mongo.wire.MongoWireMessageEncoder=OFF",
                        "--onewindow.dataexchange.demo.enabled=false", "--onewindow.outbox.sweep-interval=5s",
                        "--onewindow.dataexchange.access-log.checkpoint-interval=1d");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        System.out.printf("%ndata-exchange benchmark: %d cores (shared), -Xmx %d MB, %d client threads, rounds of %d s,"
                + " Mongo stand-in %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, threads, seconds,
                System.getProperty("onewindow.mongo-stand-in", "indexed"));

        String steward = TokenMinter.shared().user("steward-scjgj", "data-steward").dept("SCJGJ").region("341300")
                .expiresIn(Duration.ofHours(2)).mint();
        String wsjkwSteward = TokenMinter.shared().user("steward-wsjkw", "data-steward").dept("WSJKW")
                .region("341300").expiresIn(Duration.ofHours(2)).mint();
        String consumer = TokenMinter.shared().client("wsjkw-exchange", "data-consumer").dept("WSJKW")
                .region("341300").expiresIn(Duration.ofHours(2)).mint();
        String auditor = TokenMinter.shared().user("auditor1", "auditor").dept("SJZYJ").region("341300")
                .expiresIn(Duration.ofHours(2)).mint();
        post(http, base + "/api/v1/exchange/resources", steward, Map.of("code", "SCJGJ-QYDJ", "definition", Map.of(
                "name", "企业登记信息", "fields", List.of(field("uscc", "USCC", false), field("entityName", "STRING", false),
                        field("legalRepresentative", "NAME", true), field("address", "ADDRESS", false),
                        field("status", "STRING", false)), "keyField", "uscc", "shareType", "UNCONDITIONAL",
                "updateFrequency", "REAL_TIME", "accessMode", "API", "adapter", "scjgj")));
        JsonNode request = post(http, base + "/api/v1/exchange/share-requests", wsjkwSteward, Map.of(
                "resourceCode", "SCJGJ-QYDJ", "fields", List.of("uscc", "entityName", "legalRepresentative", "status"),
                "purpose", "医疗机构执业登记核验", "legalBasis", "《医疗机构管理条例》", "validUntil",
                Instant.now().plus(Duration.ofDays(30)).toString(), "quota", 100_000));
        String grant = request.path("grantId").asString();
        String viaExchange = JSON.writeValueAsString(Map.of("grantId", grant, "key", USCC));
        String direct = JSON.writeValueAsString(Map.of("resource", "SCJGJ-QYDJ", "field", "uscc", "value", USCC));
        System.out.println("exchange answer: " + post(http, base + "/api/v1/exchange/queries", consumer,
                JSON.readTree(viaExchange)).path("records"));

        var demo = app.getBean(dev.onewindow.dataexchange.config.DataExchangeProperties.class).demoProvider();
        for (int latency : rounds > 0 ? latencies : List.<Integer>of()) { // rounds 0: the chain only
            setLatency(app, latency);
            Load exchangeRun = new Load(http, base + "/api/v1/exchange/queries", consumer, viaExchange, threads);
            Load directRun = new Load(http, base + "/demo-providers/scjgj/queries", consumer, direct, threads);
            // warm-up until the JIT has compiled both paths (the first rounds ran up to a third slower without it)
            exchangeRun.run(Duration.ofSeconds(Math.max(5, 2 * seconds)));
            directRun.run(Duration.ofSeconds(Math.max(5, seconds)));
            double exchangeSum = 0;
            double directSum = 0;
            for (int r = 1; r <= rounds; r++) {
                double d = directRun.run(Duration.ofSeconds(seconds));
                double x = exchangeRun.run(Duration.ofSeconds(seconds));
                directSum += d;
                exchangeSum += x;
                System.out.printf("provider latency %d ms, round %d: direct %,.0f q/s, through data-exchange %,.0f q/s "
                        + "(ratio %.2f), load %.2f%n", latency, r, d, x, x / d, load());
            }
            double ratio = exchangeSum / directSum;
            System.out.printf("(a) provider latency %d ms: logged exchange queries %,.0f q/s; straight to the demo provider "
                    + "%,.0f q/s; ratio %.2f (target >= 0.7: %s); errors %d/%d; load %.2f%n%n", latency,
                    exchangeSum / rounds, directSum / rounds, ratio, ratio >= 0.7 ? "met" : "MISSED",
                    exchangeRun.errors.get(), directRun.errors.get(), load());
        }
        if (demo == null) {
            throw new IllegalStateException("no demo provider settings");
        }

        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        mongo.getCollection("access_log").drop();
        mongo.getCollection("access_log_checkpoints").drop();
        int lanes = Integer.parseInt(app.getEnvironment().getProperty("onewindow.dataexchange.access-log.lanes", "8"));
        long started = System.nanoTime();
        insertChain(mongo.getCollection("access_log"), chain, lanes, grant);
        System.out.printf("%n(built and inserted %,d chained entries over %d lanes in %.1f s; heap used %,d MB)%n", chain,
                lanes, (System.nanoTime() - started) / 1e9, usedMb());
        JsonNode sealed = post(http, base + "/api/v1/exchange/access-log/checkpoints", auditor, null);
        System.out.println("sealed head " + sealed.path("checkpointId").asString());
        double loadBefore = load();
        long t0 = System.nanoTime();
        HttpResponse<String> verified = http.send(HttpRequest.newBuilder(URI.create(base
                + "/api/v1/exchange/access-log/verification")).header("Authorization", "Bearer " + auditor)
                .timeout(Duration.ofMinutes(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        double took = (System.nanoTime() - t0) / 1e9;
        JsonNode v = JSON.readTree(verified.body());
        System.out.printf("(b) verification of a %,d-entry chain over HTTP: %.1f s (service's own measure %,d ms), "
                + "verified=%s, entries=%,d, against head %s (target < 60 s: %s); load %.2f before, %.2f after%n",
                chain, took, v.path("tookMillis").asLong(), v.path("verified").asBoolean(), v.path("entries").asLong(),
                v.path("checkpointId").asString(), took < 60 ? "met" : "MISSED", loadBefore, load());
        app.close();
        System.exit(0);
    }

    /** The demo provider's answer time, changed between runs (its controller reads the settings record at start). */
    private static void setLatency(ConfigurableApplicationContext app, int millis) throws Exception {
        Object controller = app.getBean(Class.forName("dev.onewindow.dataexchange.demo.web.DemoProviderController"));
        var field = controller.getClass().getDeclaredField("latency");
        field.setAccessible(true);
        field.set(controller, Duration.ofMillis(millis));
    }

    private static Map<String, Object> field(String name, String type, boolean personal) {
        return Map.of("name", name, "label", name, "type", type, "level", 1, "personal", personal);
    }

    /** Entries as the service stores them, chained lane by lane with its own hash, inserted in batches. */
    private static void insertChain(MongoCollection<Document> log, int count, int lanes, String grant) {
        var digest = ChainHash.sha256();
        String[] prev = new String[lanes];
        java.util.Arrays.fill(prev, ChainHash.GENESIS);
        long[] seq = new long[lanes];
        Instant at = Instant.now().minus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        List<Document> batch = new ArrayList<>(10_000);
        for (int i = 0; i < count; i++) {
            int lane = i % lanes;
            long s = ++seq[lane];
            Instant when = at.plusMillis(i * 2L);
            String resultHash = ChainHash.of(("result-" + i).getBytes());
            String hash = ChainHash.of(digest, lane, s, prev[lane], when, "WSJKW", "wsjkw-exchange", grant,
                    "SCJGJ-QYDJ", "SCJGJ", "医疗机构执业登记核验", List.of("uscc"), "q" + (i % 997), Outcome.OK, null, 1,
                    resultHash);
            batch.add(new Document("_id", String.format("%02d:%012d", lane, s)).append("lane", lane).append("seq", s)
                    .append("prevHash", prev[lane]).append("hash", hash).append("at", Date.from(when))
                    .append("consumerDepartment", "WSJKW").append("consumerClient", "wsjkw-exchange")
                    .append("grantId", grant).append("resourceCode", "SCJGJ-QYDJ").append("providerDepartment", "SCJGJ")
                    .append("purpose", "医疗机构执业登记核验").append("criteria", List.of("uscc"))
                    .append("queryDigest", "q" + (i % 997)).append("outcome", "OK").append("code", null)
                    .append("recordCount", 1).append("resultHash", resultHash).append("region", "341300")
                    .append("version", 0L).append("eventSequence", 1L));
            prev[lane] = hash;
            if (batch.size() == 10_000) {
                log.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            log.insertMany(batch);
        }
    }

    private static JsonNode post(HttpClient http, String url, String token, Object body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** {@code threads} clients sending the same request back to back for a while; answers requests per second. */
    private static final class Load {
        private final HttpClient http;
        private final HttpRequest request;
        private final int threads;
        final AtomicLong errors = new AtomicLong();

        Load(HttpClient http, String url, String token, String body, int threads) {
            this.http = http;
            this.request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            this.threads = threads;
        }

        double run(Duration duration) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long end = System.nanoTime() + duration.toNanos();
            AtomicLong done = new AtomicLong();
            List<Future<?>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 200) {
                                done.incrementAndGet();
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (IOException | InterruptedException e) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            return done.get() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }

    private static long usedMb() {
        return (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
    }
}
