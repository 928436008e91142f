package dev.onewindow.evaluation.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.model.Filters;
import dev.onewindow.evaluation.EvaluationApplication;
import dev.onewindow.evaluation.config.EvaluationProperties;
import dev.onewindow.evaluation.ratings.Rating;
import dev.onewindow.evaluation.ratings.RatingChannel;
import dev.onewindow.evaluation.ratings.RatingService;
import dev.onewindow.evaluation.ratings.Stage;
import dev.onewindow.evaluation.ratings.SubjectType;
import dev.onewindow.evaluation.statistics.Counter;
import dev.onewindow.evaluation.statistics.Dimension;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.personal.LookupHasher;
import dev.onewindow.platform.personal.ResidentIdNumber;
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
 * Ratings and statistics benchmark (run by {@code evaluation/bench/evaluation-bench.sh}, not a test). The real service
 * (HTTP, security with real tokens from the test kit's {@link TokenMinter}, the outbox relay to the test kit's KRaft
 * broker, the Mongo wire-protocol stand-in with its indexed memory backend) answers, with N ratings already stored:
 * <ul>
 * <li>(a) ratings over HTTP ({@code POST /api/v1/evaluations/ratings}) by citizens — cases rated by the real-name
 * applicant (ID number in the token), work orders by the signed-in caller (token subject) — on invitations created
 * beforehand through the service's own {@link RatingService#invite} (what the {@code case.completed} and
 * {@code workorder.closed} listeners call); about 7 % bad ratings, which open their rectification in process;</li>
 * <li>(b) the department statistics query ({@code GET /statistics?dimension=DEPARTMENT&key=…&period=…}, a dept-admin
 * of that department, for the current month and today) and the public summary ({@code GET /statistics/summary}).</li>
 * </ul>
 * Stored ratings are built through the aggregate ({@link Rating#invite}, {@link Rating#rate}) and mapped by the
 * service's converter, without their outbox (long published), and inserted in batches: one rating every
 * {@value #SPACING_SECONDS} s going back from now (10,000 ≈ 3.5 days, 1,000,000 ≈ 347 days), over
 * {@value #DEPARTMENTS_COUNT} departments, their entries, officers and channels. Their counter documents are the
 * sums the service's {@code $inc} would have left (the {@link Counter} record, per {@code Attribution.counterIds()}:
 * day and month of ALL, DEPARTMENT, CHANNEL, ENTRY, OFFICER). Rectification documents of stored bad ratings are not
 * stored (the statistics read only counters).
 *
 * <p>Arguments: {@code [storedSizes=10000,1000000] [ratings=2000] [clientThreads=8]}.
 */
public final class EvaluationBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final long SPACING_SECONDS = 30;
    private static final int DEPARTMENTS_COUNT = 30;
    private static final List<String> DEPARTMENTS;
    /** The department whose statistics are read (one of the 30, ~1/30 of the stored ratings). */
    private static final String MEASURED = "GAJ";
    private static final int CITIZENS = 500;
    private static final double RATINGS_TARGET = 200;
    private static final double STATS_P95_TARGET_MS = 50;
    private static final String[] REGIONS = {"341302", "341302", "341302", "341321", "341322", "341323", "341324"};
    private static final String[] CASE_CHANNELS = {"SERVICE_HALL", "ONLINE", "ONLINE", "MOBILE", "SELF_SERVICE_KIOSK"};
    private static final RatingChannel[] ONLINE_CHANNELS = {RatingChannel.MOBILE_APP, RatingChannel.PC_PORTAL,
        RatingChannel.MINI_PROGRAM, RatingChannel.SMS};

    static {
        List<String> departments = new ArrayList<>(List.of("GAJ", "YQSCJGJ", "RSJ", "SJZYJ", "ZJJ", "ZRZYJ",
                "JYJ", "WJW", "MZJ", "JTJ", "SWJ", "STHJJ", "SLJ", "NYNCJ", "SWJ2", "WHLYJ", "YJGLJ", "TJJ", "YBJ",
                "SFJ", "CZJ", "FGW", "JXJ", "KJJ", "TYJ", "XFJ", "GSL", "ZFGJJ", "YQQZF", "CGJ"));
        DEPARTMENTS = List.copyOf(departments);
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "10000,1000000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int ratingsPerRun = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;

        ConfigurableApplicationContext app = new SpringApplicationBuilder(EvaluationApplication.class,
                ServerTimings.class)
                .profiles("local")
                .initializers(new TestInfrastructure())
                .run("--server.port=0", "--logging.level.root=WARN", "--logging.level.dev.onewindow=WARN",
                        "--logging.level.de.bwaldvogel.mongo.wire.MongoWireMessageEncoder=OFF",
                        "--onewindow.outbox.sweep-interval=5s", "--onewindow.evaluation.sweep-interval=1d");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        Store store = new Store(app);
        Bench bench = new Bench(app, port, threads);
        int cores = Runtime.getRuntime().availableProcessors();
        LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
        String month = today.toString().substring(0, 7);
        System.out.printf("%nEvaluation benchmark: %d client threads, %d ratings per run, %d cores (shared), -Xmx %d MB,"
                + " Mongo stand-in: %s%n", threads, ratingsPerRun, cores, Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("onewindow.mongo-stand-in", "indexed"));
        System.out.printf("statistics read: DEPARTMENT %s for %s and %s (dept-admin of %s); summary for %s (public)%n",
                MEASURED, month, today, MEASURED, month);

        int warm = Math.max(200, ratingsPerRun / 2);
        bench.invite(warm);
        bench.rate(warm, null);
        bench.statistics(warm, month, today.toString(), null);

        List<Result> results = new ArrayList<>();
        for (int size : sizes) {
            long stored = mongo.getCollection("ratings").countDocuments();
            if (stored < size) {
                long started = System.nanoTime();
                int added = store.preStore((int) (size - stored));
                System.out.printf("%n(bulk-inserted %,d ratings and upserted %,d counters in %.1f s; heap used %,d MB)%n",
                        added, store.countersWritten, (System.nanoTime() - started) / 1e9, usedMb());
            }
            stored = mongo.getCollection("ratings").countDocuments();
            Result result = new Result(stored);
            results.add(result);
            var counters = mongo.getCollection("statistics");
            System.out.printf("%n== %,d ratings stored (%,d rated), %,d counter documents ==%n", stored,
                    mongo.getCollection("ratings").countDocuments(Filters.eq("status", "RATED")),
                    counters.countDocuments());
            System.out.printf("  summary's filter {dimension: DEPARTMENT, period: %s}: %,d match; the stand-in looks "
                    + "up the index's first field only → %,d DEPARTMENT counters looked at (MongoDB: the matches)%n",
                    month, counters.countDocuments(Filters.and(Filters.eq("dimension", "DEPARTMENT"),
                            Filters.eq("period", month))),
                    counters.countDocuments(Filters.eq("dimension", "DEPARTMENT")));
            System.out.println("  " + countersCheck(mongo, month));
            result.loadStart = loadavg();
            long t0 = System.nanoTime();
            bench.invite(ratingsPerRun);
            result.inviteSeconds = (System.nanoTime() - t0) / 1e9;
            bench.rate(ratingsPerRun, result);
            bench.statistics(ratingsPerRun, month, today.toString(), result);
            result.loadEnd = loadavg();
            result.print(ratingsPerRun, cores);
        }
        summary(results);
        app.close();
        System.exit(0);
    }

    /**
     * The counters hold what the service's increments would have: the month's ALL and measured DEPARTMENT counters
     * against the rated ratings of the month (a scan, outside any measurement).
     */
    private static String countersCheck(MongoTemplate mongo, String month) {
        Instant from = java.time.YearMonth.parse(month).atDay(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant();
        var ratings = mongo.getCollection("ratings");
        var inMonth = Filters.and(Filters.eq("status", "RATED"), Filters.gte("ratedAt", java.util.Date.from(from)));
        long all = ratings.countDocuments(inMonth);
        long dept = ratings.countDocuments(Filters.and(inMonth, Filters.eq("department", MEASURED)));
        long allCounted = counted(mongo, Counter.id(Dimension.ALL, "ALL", month));
        long deptCounted = counted(mongo, Counter.id(Dimension.DEPARTMENT, MEASURED, month));
        return String.format("counters check (%s): ALL counted %,d vs %,d rated ratings; DEPARTMENT %s counted %,d vs "
                + "%,d rated ratings%s", month, allCounted, all, MEASURED, deptCounted, dept,
                all == allCounted && dept == deptCounted ? " — consistent" : " — MISMATCH");
    }

    private static long counted(MongoTemplate mongo, String id) {
        Document counter = mongo.getCollection("statistics").find(Filters.eq("_id", id)).first();
        return counter == null || counter.get("counted") == null ? 0 : ((Number) counter.get("counted")).longValue();
    }

    private static long usedMb() {
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    // ---------------------------------------------------------------------------------------------------- results

    private static final class Result {
        final long stored;
        String loadStart;
        String loadEnd;
        double inviteSeconds;
        double rateSeconds;
        int rateFailures;
        String firstFailure;
        final Map<String, double[]> calls = new LinkedHashMap<>(); // p50, p95, p99, server, mongo, cmds, n
        String commands;

        Result(long stored) {
            this.stored = stored;
        }

        double rate(int ratings) {
            return (ratings - rateFailures) / rateSeconds;
        }

        void print(int ratings, int cores) {
            System.out.printf("  (%d invitations created through RatingService.invite in %.1f s)%n", ratings,
                    inviteSeconds);
            System.out.printf("  %d ratings (%d failed) in %.1f s = %.1f ratings/s   load %s → %s%n", ratings,
                    rateFailures, rateSeconds, rate(ratings), loadStart, loadEnd);
            if (firstFailure != null) {
                System.out.println("  first failure: " + firstFailure);
            }
            double load = Math.max(firstLoad(loadStart), firstLoad(loadEnd));
            if (load > cores) {
                System.out.printf("  NOTE: 1-minute load %.1f on %d cores: other processes share the CPUs, so these "
                        + "times include waiting for a core; not a measurement%n", load, cores);
            }
            System.out.printf("  %-13s %6s %8s %8s %8s | %10s %10s %7s %6s %13s%n", "call", "n", "p50 ms", "p95 ms",
                    "p99 ms", "server ms", "mongo ms", "mongo%", "cmds", "own (non-db)");
            calls.forEach((call, c) -> System.out.printf("  %-13s %6.0f %8.1f %8.1f %8.1f | %10.2f %10.2f %6.0f%% "
                    + "%6.1f %10.2f ms%n", call, c[6], c[0], c[1], c[2], c[3], c[4], c[3] == 0 ? 0 : 100 * c[4] / c[3],
                    c[5], c[3] - c[4]));
            System.out.println("  Mongo commands (all threads, incl. the relay and in-process listeners):" + commands);
            double rate = rate(ratings);
            System.out.printf("  → ratings: %.1f/s = %.2f× the target (≥ 200/s on 2 cores)%s%n", rate,
                    rate / RATINGS_TARGET, rate >= RATINGS_TARGET ? ", met" : ", NOT met");
            for (String call : List.of("dept-month", "dept-day", "summary")) {
                double p95 = calls.get(call)[1];
                System.out.printf("  → %-10s p95 %.1f ms = %.2f× the limit (≤ 50 ms)%s%n", call, p95,
                        p95 / STATS_P95_TARGET_MS, p95 <= STATS_P95_TARGET_MS ? ", met" : ", NOT met");
            }
        }
    }

    private static void summary(List<Result> results) {
        if (results.size() < 2) {
            return;
        }
        Result first = results.get(0);
        Result last = results.get(results.size() - 1);
        System.out.printf("%n== growth from %,d to %,d ratings stored (server time, p95) ==%n", first.stored,
                last.stored);
        first.calls.forEach((call, a) -> {
            double[] b = last.calls.get(call);
            System.out.printf("  %-13s server %.2f → %.2f ms (×%.2f), p95 %.1f → %.1f ms, mongo cmds %.1f → %.1f%n",
                    call, a[3], b[3], a[3] == 0 ? 0 : b[3] / a[3], a[1], b[1], a[5], b[5]);
        });
    }

    private static double firstLoad(String loadavg) {
        try {
            return Double.parseDouble(loadavg.split(" ")[0]);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static String loadavg() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    // ---------------------------------------------------------------------------------------------------- matters

    /** A department, region, entry, officer and channel drawn from {@code r}. */
    record Where(String department, String region, String implementationCode, String serviceChannel, String officer) {

        static Where draw(SplittableRandom r, boolean isCase, String department) {
            String region = REGIONS[r.nextInt(REGIONS.length)];
            if (!isCase) {
                return new Where(department, region, null, "HOTLINE_12345", null);
            }
            String channel = CASE_CHANNELS[r.nextInt(CASE_CHANNELS.length)];
            String entry = "11341300" + department + String.format("%03d", r.nextInt(12));
            return new Where(department, region, entry, channel, null);
        }
    }

    /** A valid resident ID number of citizen {@code i} (check character per GB 11643). */
    static String idNumber(int i) {
        String first17 = "341302" + "19" + String.format("%02d", 50 + i % 50) + "0101" + String.format("%03d", i % 1000);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    static int level(SplittableRandom r) {
        int p = r.nextInt(100);
        return p < 62 ? 5 : p < 84 ? 4 : p < 93 ? 3 : p < 97 ? 2 : 1;
    }

    // ---------------------------------------------------------------------------------------------------- pre-store

    /**
     * Rated matters as a city accumulates them, built through the aggregate and written straight to the collection,
     * with the counter documents their ratings left. Rating {@code n} (0 the newest) was given
     * {@code (n + 1) × 30 s} before the first pre-store.
     */
    private static final class Store {
        private final MongoTemplate mongo;
        private final EvaluationProperties properties;
        private final LookupHasher hasher;
        private final List<String> reasons;
        private final String[] holderRefs = new String[CITIZENS * 4];
        private Instant anchor;
        private int preStored;
        long countersWritten;

        Store(ConfigurableApplicationContext app) {
            this.mongo = app.getBean(MongoTemplate.class);
            this.properties = app.getBean(EvaluationProperties.class);
            this.hasher = app.getBean(LookupHasher.class);
            this.reasons = List.copyOf(properties.badReasons().keySet());
            for (int i = 0; i < holderRefs.length; i++) {
                holderRefs[i] = hasher.hashIdNumber(idNumber(i + 1000));
            }
        }

        int preStore(int count) {
            if (anchor == null) {
                anchor = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            }
            List<Document> batch = new ArrayList<>(2000);
            // counter id → counted, satisfied, bad, l1..l5, rectifications, callbacksDue of this batch
            Map<String, long[]> touched = new HashMap<>();
            for (int n = preStored + count - 1; n >= preStored; n--) {
                Rating rating = build(n);
                Document document = new Document();
                mongo.getConverter().write(rating, document);
                document.remove("outbox"); // long published
                document.remove("counterChanges"); // long counted (the counters below) and settled
                document.remove("pendingSince");
                document.put("version", 0L);
                batch.add(document);
                for (String id : rating.attribution().counterIds()) {
                    long[] c = touched.computeIfAbsent(id, k -> new long[10]);
                    c[0]++;
                    c[rating.bad() ? 2 : 1]++;
                    c[2 + rating.level()]++;
                    if (rating.bad()) {
                        c[8]++;
                        c[9] += rating.realName() ? 1 : 0;
                    }
                }
                if (batch.size() >= 2000) {
                    mongo.getCollection("ratings").insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                mongo.getCollection("ratings").insertMany(batch);
            }
            // the counters as the $inc upserts would have left them, added to what is stored (the warm-up's, an earlier
            // batch's months)
            var statistics = mongo.getCollection("statistics");
            List<Document> inserts = new ArrayList<>();
            for (Map.Entry<String, long[]> e : touched.entrySet()) {
                String[] parts = e.getKey().split("\\|", 3);
                long[] c = e.getValue();
                Counter counter = new Counter(e.getKey(), Dimension.valueOf(parts[0]), parts[1], parts[2], box(c[0]),
                        box(c[1]), box(c[2]), new Counter.Levels(box(c[3]), box(c[4]), box(c[5]), box(c[6]),
                                box(c[7])), box(c[8]), null, null, null, box(c[9]), null, null, null);
                Document document = new Document();
                mongo.getConverter().write(counter, document);
                document.remove("_class");
                Document existing = statistics.find(Filters.eq("_id", e.getKey())).first();
                if (existing != null) { // what is stored stays: add this batch's counts to it
                    statistics.deleteOne(Filters.eq("_id", e.getKey()));
                    merge(document, existing);
                }
                inserts.add(document);
                if (inserts.size() >= 2000) {
                    statistics.insertMany(inserts);
                    inserts.clear();
                }
            }
            if (!inserts.isEmpty()) {
                statistics.insertMany(inserts);
            }
            // and the keys each dimension has counters for per period, as the service's $addToSet leaves them
            var keys = statistics;
            Map<String, List<String>> keysOf = new java.util.HashMap<>();
            for (String id : touched.keySet()) {
                String[] parts = id.split("\\|", 3);
                keysOf.computeIfAbsent("KEYS|" + parts[0] + "|" + parts[2], k -> new ArrayList<>()).add(parts[1]);
            }
            keysOf.forEach((id, added) -> keys.updateOne(Filters.eq("_id", id),
                    new Document("$addToSet", new Document("keys", new Document("$each", added))),
                    new com.mongodb.client.model.UpdateOptions().upsert(true)));
            countersWritten = touched.size();
            preStored += count;
            return count;
        }

        /** Adds the numbers of {@code existing} (the stored counter) into {@code into} (this batch's). */
        private static void merge(Document into, Document existing) {
            existing.forEach((key, value) -> {
                if (value instanceof Number number && !key.equals("_id")) {
                    into.put(key, ((Number) into.getOrDefault(key, 0L)).longValue() + number.longValue());
                } else if (value instanceof Document nested) {
                    Document target = into.get(key, Document.class);
                    if (target == null) {
                        into.put(key, nested);
                    } else {
                        merge(target, nested);
                    }
                }
            });
        }

        private static Long box(long value) {
            return value == 0 ? null : value;
        }

        private Rating build(int n) {
            SplittableRandom r = new SplittableRandom(n * 0x9E3779B97F4A7C15L + 0x5DEECE66DL);
            Instant ratedAt = anchor.minusSeconds((n + 1L) * SPACING_SECONDS);
            Instant invitedAt = ratedAt.minusSeconds(60 + r.nextInt(3 * 86_400));
            boolean isCase = r.nextInt(100) < 70;
            String department = DEPARTMENTS.get(r.nextInt(DEPARTMENTS.size()));
            Where where = Where.draw(r, isCase, department);
            String subjectId = UUID.nameUUIDFromBytes(("pre-" + n).getBytes(StandardCharsets.UTF_8)).toString();
            String ref;
            boolean realName;
            if (isCase) {
                ref = holderRefs[r.nextInt(holderRefs.length)];
                realName = true;
            } else {
                ref = "sub:pre-caller-" + r.nextInt(200_000);
                realName = false;
            }
            Stage stage = isCase && ("SERVICE_HALL".equals(where.serviceChannel())
                    || "SELF_SERVICE_KIOSK".equals(where.serviceChannel())) && r.nextInt(2) == 0
                    ? Stage.ACCEPTANCE : Stage.COMPLETION;
            Rating.Matter matter = new Rating.Matter(isCase ? SubjectType.CASE : SubjectType.WORK_ORDER, subjectId,
                    (isCase ? "C" : "W") + n, stage, where.region(), department, where.implementationCode(),
                    where.serviceChannel(), stage == Stage.COMPLETION ? "APPROVED" : null, List.of(ref), ref);
            String id = UUID.nameUUIDFromBytes((matter.subjectType() + "|" + subjectId + "|" + stage)
                    .getBytes(StandardCharsets.UTF_8)).toString();
            Rating rating = Rating.invite(id, matter, invitedAt, properties.rateWithin(), properties.reminderAfter());
            int level = level(r);
            List<String> given = level <= 2 ? List.of(reasons.get(r.nextInt(reasons.size()))) : List.of();
            RatingChannel channel;
            String officer = null;
            if (!isCase) {
                channel = RatingChannel.HOTLINE_12345;
            } else if ("SERVICE_HALL".equals(where.serviceChannel()) && r.nextInt(100) < 70) {
                channel = RatingChannel.SERVICE_HALL;
                officer = "officer-" + department.toLowerCase() + "-" + r.nextInt(8);
                realName = false;
            } else {
                channel = ONLINE_CHANNELS[r.nextInt(ONLINE_CHANNELS.length)];
            }
            rating.rate(new Rating.Answer(level, given, level <= 2 && r.nextInt(2) == 0 ? "办理时间太长，窗口态度不好。"
                    : null, channel, officer, realName), null, properties.badReasons().keySet(), ratedAt);
            if (rating.bad()) {
                rating.rectifiedBy(UUID.randomUUID().toString());
            }
            return rating;
        }
    }

    // ---------------------------------------------------------------------------------------------------- client

    private static final class Bench {
        private final RatingService service;
        private final int port;
        private final int threads;
        private final List<String> reasons;
        private final String[] caseCitizens = new String[CITIZENS];
        private final String[] callers = new String[CITIZENS];
        private final String[] caseRefs = new String[CITIZENS];
        private final String deptAdmin;
        /** Invitations created and not yet rated: type, subjectId, stage, citizen index. */
        private final ConcurrentLinkedQueue<String[]> open = new ConcurrentLinkedQueue<>();
        private int invited;

        Bench(ConfigurableApplicationContext app, int port, int threads) {
            this.service = app.getBean(RatingService.class);
            this.port = port;
            this.threads = threads;
            this.reasons = List.copyOf(app.getBean(EvaluationProperties.class).badReasons().keySet());
            LookupHasher hasher = app.getBean(LookupHasher.class);
            TokenMinter tokens = TokenMinter.shared();
            for (int i = 0; i < CITIZENS; i++) {
                String idNumber = idNumber(i);
                caseRefs[i] = hasher.hashIdNumber(idNumber);
                caseCitizens[i] = tokens.user("bench-applicant-" + i, Roles.CITIZEN).subject("bench-applicant-" + i)
                        .idNumber(idNumber).expiresIn(Duration.ofHours(4)).mint();
                callers[i] = tokens.user("bench-caller-" + i, Roles.CITIZEN).subject("bench-caller-" + i)
                        .expiresIn(Duration.ofHours(4)).mint();
            }
            this.deptAdmin = tokens.user("admin-" + MEASURED.toLowerCase(), Roles.DEPT_ADMIN).dept(MEASURED)
                    .region("341300").expiresIn(Duration.ofHours(4)).mint();
        }

        /** Invitations as the case.completed / workorder.closed listeners create them (RatingService.invite). */
        void invite(int count) {
            for (int k = 0; k < count; k++) {
                int n = invited++;
                SplittableRandom r = new SplittableRandom(n * 31L + 7);
                boolean isCase = n % 10 < 7;
                int citizen = n % CITIZENS;
                String department = n % 5 == 0 ? MEASURED : DEPARTMENTS.get(r.nextInt(DEPARTMENTS.size()));
                Where where = Where.draw(r, isCase, department);
                String subjectId = UUID.nameUUIDFromBytes(("bench-" + n).getBytes(StandardCharsets.UTF_8)).toString();
                String ref = isCase ? caseRefs[citizen] : "sub:bench-caller-" + citizen;
                service.invite(new Rating.Matter(isCase ? SubjectType.CASE : SubjectType.WORK_ORDER, subjectId,
                        (isCase ? "BC" : "BW") + n, Stage.COMPLETION, where.region(), department,
                        where.implementationCode(), where.serviceChannel(), "APPROVED", List.of(ref), ref));
                open.add(new String[] {isCase ? "CASE" : "WORK_ORDER", subjectId, "COMPLETION",
                    Integer.toString(citizen)});
            }
        }

        void rate(int count, Result result) throws InterruptedException {
            Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
            ServerTimings.clear();
            AtomicInteger failures = new AtomicInteger();
            AtomicReference<String> firstFailure = new AtomicReference<>();
            double seconds = run(count, n -> {
                String[] matter = open.poll();
                if (matter == null) {
                    throw new IllegalStateException("no open invitation left");
                }
                int citizen = Integer.parseInt(matter[3]);
                boolean isCase = matter[0].equals("CASE");
                SplittableRandom r = new SplittableRandom(System.nanoTime());
                int level = level(r);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("subjectType", matter[0]);
                body.put("subjectId", matter[1]);
                body.put("stage", matter[2]);
                body.put("level", level);
                body.put("reasons", level <= 2 ? List.of(reasons.get(r.nextInt(reasons.size()))) : List.of());
                body.put("channel", ONLINE_CHANNELS[r.nextInt(ONLINE_CHANNELS.length)].name());
                if (level <= 2) {
                    body.put("text", "办理时间太长，窗口态度不好。");
                    body.put("contactMobile", "139" + String.format("%08d", r.nextInt(100_000_000)));
                }
                return call("rate", "POST", "/api/v1/evaluations/ratings", isCase ? caseCitizens[citizen]
                        : callers[citizen], JSON.writeValueAsString(body), 201, latencies);
            }, failures, firstFailure);
            if (result == null) {
                System.out.printf("(warm-up: %d ratings, %d failed, %.1f s%s)%n", count, failures.get(), seconds,
                        firstFailure.get() == null ? "" : "; first failure: " + firstFailure.get());
                return;
            }
            result.rateSeconds = seconds;
            result.rateFailures = failures.get();
            result.firstFailure = firstFailure.get();
            record(result, latencies);
        }

        /** The department figures (month, day) and the public summary, {@code count} each, interleaved. */
        void statistics(int count, String month, String day, Result result) throws InterruptedException {
            Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
            ServerTimings.keepOnly("rate");
            AtomicInteger failures = new AtomicInteger();
            AtomicReference<String> firstFailure = new AtomicReference<>();
            String base = "/api/v1/evaluations/statistics";
            double seconds = run(count * 3, n -> switch (n % 3) {
                case 0 -> call("dept-month", "GET", base + "?dimension=DEPARTMENT&key=" + MEASURED + "&period=" + month,
                        deptAdmin, null, 200, latencies);
                case 1 -> call("dept-day", "GET", base + "?dimension=DEPARTMENT&key=" + MEASURED + "&period=" + day,
                        deptAdmin, null, 200, latencies);
                default -> call("summary", "GET", base + "/summary?period=" + month, null, null, 200, latencies);
            }, failures, firstFailure);
            if (result == null || failures.get() > 0) {
                System.out.printf("(%sstatistics: %d reads, %d failed, %.1f s%s)%n", result == null ? "warm-up " : "",
                        count * 3, failures.get(), seconds,
                        firstFailure.get() == null ? "" : "; first failure: " + firstFailure.get());
            }
            if (result != null) {
                record(result, latencies);
            }
        }

        private static void record(Result result, Map<String, ConcurrentLinkedQueue<Long>> latencies) {
            for (String step : List.of("rate", "dept-month", "dept-day", "summary")) {
                if (!latencies.containsKey(step)) {
                    continue;
                }
                long[] sorted = latencies.get(step).stream().mapToLong(Long::longValue).sorted().toArray();
                List<long[]> server = ServerTimings.of(step);
                result.calls.put(step, new double[] {percentileMillis(sorted, 50), percentileMillis(sorted, 95), percentileMillis(sorted, 99),
                    server.stream().mapToLong(s -> s[0]).average().orElse(0) / 1e6,
                    server.stream().mapToLong(s -> s[1]).average().orElse(0) / 1e6,
                    server.stream().mapToLong(s -> s[2]).average().orElse(0), sorted.length});
            }
            result.commands = ServerTimings.commands();
        }

        interface Call {
            JsonNode apply(int n) throws IOException, InterruptedException;
        }

        private double run(int count, Call call, AtomicInteger failures, AtomicReference<String> firstFailure)
                throws InterruptedException {
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long started = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                pool.execute(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < count) {
                        try {
                            call.apply(n);
                        } catch (RuntimeException | IOException e) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, e.toString());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(2, TimeUnit.HOURS);
            return (System.nanoTime() - started) / 1e9;
        }

        private JsonNode call(String step, String method, String path, String token, String json, int expected,
                Map<String, ConcurrentLinkedQueue<Long>> latencies) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(60)).header(ServerTimings.STEP_HEADER, step);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (json != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            long started = System.nanoTime();
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            latencies.computeIfAbsent(step, s -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - started);
            if (response.statusCode() != expected) {
                throw new IllegalStateException(step + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        }
    }



    private EvaluationBenchmark() {
    }
}
