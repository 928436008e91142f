package dev.onewindow.elicense.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.onewindow.elicense.ELicenseApplication;
import dev.onewindow.elicense.license.LicenseRepository;
import dev.onewindow.elicense.support.Fixtures;
import dev.onewindow.platform.testkit.TestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * e-license benchmark (run by {@code e-license/bench/elicense-bench.sh}, not a test). Starts the real service on the
 * test kit's in-process broker and Mongo wire-protocol server, then measures, with the same number of client threads
 * throughout (JDK HttpClient):
 * <ol>
 *   <li>issue throughput: {@code POST /api/v1/licenses} (validate, serial + status index, seal: canonical form,
 *       ECDSA sign of it and of the QR token, AES-GCM, insert with its outbox event);</li>
 *   <li>verifications/s through {@code GET /api/v1/licenses/verify/{id}} (one real ECDSA verification per call) and
 *       through {@code POST /api/v1/licenses/verify} with the QR token;</li>
 *   <li>raw JDK ECDSA-P256 verifications/s (SHA256withECDSA, same provider and message size) in the same JVM, same
 *       thread count — the ratio of (2) to this is the figure of merit (target ≥ 0.5);</li>
 *   <li>the Mongo stand-in's share: {@code findById} lookups/s on the same collection.</li>
 * </ol>
 * Arguments: licences to issue (2000), client threads (4), seconds per measured phase (15).
 */
public final class ELicenseBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        int licences = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;

        // the local profile, as the tests: development values of the secrets, generated seal keys
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ELicenseApplication.class)
                .profiles("local")
                .initializers(new TestInfrastructure())
                .properties(Map.of("server.port", "0", "logging.level.root", "WARN",
                        "spring.kafka.listener.auto-startup", "false", "onewindow.elicense.demo.enabled", "false"))
                .run();
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String approver = Fixtures.approver("SCJGJ");

        // 1. issue
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        List<String> tokens = Collections.synchronizedList(new ArrayList<>());
        issue(http, base, approver, Math.min(200, licences / 10), threads, ids, tokens); // warm-up
        ids.clear();
        tokens.clear();
        long start = System.nanoTime();
        issue(http, base, approver, licences, threads, ids, tokens);
        double issueSeconds = (System.nanoTime() - start) / 1e9;

        // 2. verify through HTTP
        List<String> verifyIds = List.copyOf(ids);
        List<String> qrBodies = tokens.stream().map(t -> JSON.writeValueAsString(Map.of("qr", t))).toList();
        Call byId = () -> {
            String id = verifyIds.get(ThreadLocalRandom.current().nextInt(verifyIds.size()));
            return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/licenses/verify/" + id)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
        };
        Call byQr = () -> http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/licenses/verify"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        qrBodies.get(ThreadLocalRandom.current().nextInt(qrBodies.size())))).build(),
                HttpResponse.BodyHandlers.ofString());
        run(threads, 5, byId);
        Rate httpById = run(threads, seconds, byId);
        run(threads, 3, byQr);
        Rate httpByQr = run(threads, seconds, byQr);

        // 3. raw JDK ECDSA-P256 verification, same JVM, same threads
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        byte[] message = new byte[700]; // about a licence's canonical form
        ThreadLocalRandom.current().nextBytes(message);
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(pair.getPrivate());
        signer.update(message);
        byte[] signature = signer.sign();
        Call raw = () -> {
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(pair.getPublic());
            verifier.update(message);
            if (!verifier.verify(signature)) {
                throw new IllegalStateException("raw verification failed");
            }
            return null;
        };
        run(threads, 5, raw);
        Rate rawRate = run(threads, seconds, raw);
        Rate rawSingle = run(1, Math.max(5, seconds / 2), raw);

        // 4. the database stand-in's share
        LicenseRepository repository = app.getBean(LicenseRepository.class);
        Call lookup = () -> repository.findById(verifyIds.get(ThreadLocalRandom.current().nextInt(verifyIds.size())))
                .orElseThrow();
        run(threads, 3, lookup);
        Rate lookups = run(threads, Math.max(5, seconds / 2), lookup);

        System.out.printf("%ne-license benchmark: %d client threads, %d s per phase, %d cores%n", threads, seconds,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("  issue (POST /licenses)          %8.0f licences/s  (%d in %.1f s, after warm-up)%n",
                licences / issueSeconds, licences, issueSeconds);
        System.out.printf("  verify by id (GET /verify/{id}) %8.0f /s  p50 %.2f ms  p99 %.2f ms  errors %d%n",
                httpById.perSecond(), httpById.p50(), httpById.p99(), httpById.errors());
        System.out.printf("  verify by QR (POST /verify)     %8.0f /s  p50 %.2f ms  p99 %.2f ms  errors %d%n",
                httpByQr.perSecond(), httpByQr.p50(), httpByQr.p99(), httpByQr.errors());
        System.out.printf("  raw JDK ECDSA-P256 verify       %8.0f /s  (%d threads; 1 thread: %.0f /s)%n",
                rawRate.perSecond(), threads, rawSingle.perSecond());
        System.out.printf("  ratio HTTP verify-by-id / raw   %8.2f  (target >= 0.5)%n",
                httpById.perSecond() / rawRate.perSecond());
        System.out.printf("  ratio HTTP verify-by-QR / raw   %8.2f%n", httpByQr.perSecond() / rawRate.perSecond());
        System.out.printf("  Mongo stand-in findById         %8.0f /s  (%.2f ms of each verify at %d threads)%n",
                lookups.perSecond(), threads / lookups.perSecond() * 1000, threads);
        app.close();
        System.exit(0);
    }

    @FunctionalInterface
    interface Call {
        Object call() throws Exception;
    }

    record Rate(double perSecond, double p50, double p99, long errors) {
    }

    private static void issue(HttpClient http, String base, String token, int count, int threads, List<String> ids,
            List<String> tokens) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                while (next.getAndIncrement() < count) {
                    String idNumber = Fixtures.newIdNumber();
                    String body = JSON.writeValueAsString(Map.of("typeCode", "SPJYXKZ", "holder",
                            Map.of("idNumber", idNumber), "fields", Fixtures.spjyxkz()));
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base
                                        + "/api/v1/licenses")).header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 201) {
                            failures.incrementAndGet();
                            continue;
                        }
                        JsonNode licence = JSON.readTree(response.body());
                        ids.add(licence.get("licenseId").asString());
                        tokens.add(licence.get("qrToken").asString());
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failures.get() > 0) {
            System.out.println("issue failures: " + failures.get());
        }
    }

    /** Runs {@code call} on {@code threads} threads for {@code seconds}; rate and latency percentiles. */
    private static Rate run(int threads, int seconds, Call call) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        long[] counts = new long[threads];
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread worker = new Thread(() -> {
                long[] samples = new long[2_000_000];
                int n = 0;
                while (!stop.get()) {
                    long begin = System.nanoTime();
                    try {
                        Object result = call.call();
                        if (result instanceof HttpResponse<?> response && response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (n < samples.length) {
                        samples[n++] = System.nanoTime() - begin;
                    }
                }
                counts[index] = n;
                latencies.add(java.util.Arrays.copyOf(samples, n));
            });
            workers.add(worker);
            worker.start();
        }
        long begin = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        long total = java.util.Arrays.stream(counts).sum();
        return new Rate(total / elapsed, percentile(all, 50), percentile(all, 99), errors.get());
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
