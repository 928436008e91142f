package dev.onewindow.hotline.bench;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.onewindow.hotline.HotlineApplication;
import dev.onewindow.hotline.category.Category;
import dev.onewindow.hotline.category.CategoryTree;
import dev.onewindow.hotline.dispatch.DispatchRules;
import dev.onewindow.hotline.orders.Actor;
import dev.onewindow.hotline.orders.CallbackResult;
import dev.onewindow.hotline.orders.CallerInfo;
import dev.onewindow.hotline.orders.DemandType;
import dev.onewindow.hotline.orders.IntakeChannel;
import dev.onewindow.hotline.orders.Location;
import dev.onewindow.hotline.orders.OrderNumbers;
import dev.onewindow.hotline.orders.Urgency;
import dev.onewindow.hotline.orders.WorkOrder;
import dev.onewindow.hotline.orders.WorkOrderRules;
import dev.onewindow.hotline.orders.WorkOrderService;
import dev.onewindow.hotline.orders.WorkOrderStatus;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.personal.FieldCipher;
import dev.onewindow.platform.personal.LookupHasher;
import dev.onewindow.platform.personal.Masking;
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
 * Work-order lifecycle benchmark (run by {@code hotline-12345/bench/hotline-bench.sh}, not a test). The real service
 * (HTTP, security with real tokens, the outbox relay to the real KRaft broker and the service's own listeners on it,
 * the Mongo wire-protocol stand-in with the test kit's indexed memory backend) runs whole lifecycles — register (a
 * citizen, channel APP) → dispatch (by the rules) → sign and reply (a handler of the lead department the dispatch
 * named) → callback and close (an agent) → read the citizen's own list — from concurrent client threads, with 10,000
 * and then 100,000 orders already stored (bulk-inserted directly). It prints lifecycles/s, client-side latency
 * percentiles per call, and how much of each call's server time was spent waiting for the Mongo stand-in (the
 * driver's command listener, summed per request thread) — the rest is OneWindow's own time.
 *
 * <p>Stored orders are built through the aggregate's public API (so they have the mapped shape, history, clocks and
 * the worklist's {@code dueAt}/{@code yellowAt}) and inserted in batches: one order every 5 minutes going back from
 * now (10,000 orders ≈ 35 days, 100,000 ≈ 347 days), in every category, region, channel and state a city's orders are
 * in at their age, spread over departments, citizens, partners and anonymous callers. The duplicate-detection window
 * (24 h) therefore holds the same ~288 stored orders (~11 per category, about 60 % of them open) at every size.
 *
 * <p>Arguments: {@code [preStoredSizes=10000,100000] [lifecycles=1500] [clientThreads=8]}.
 */
public final class HotlineLifecycleBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> STEPS = List.of("register", "dispatch", "sign", "reply", "callback", "close",
            "mine");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** The measured categories (region 341302): leads GAJ, YQSCJGJ, RSJ by rule and YQQZF by the 兜底 fallback. */
    private static final List<String> MEASURED = List.of("ENV-NOISE-SOCIAL", "MARKET-FOOD", "LABOR-WAGE",
            "CITY-ROAD");
    private static final int CITIZENS = 1000;
    /** One stored order every 5 minutes, going back in time from the start of the pre-store. */
    private static final long SPACING_SECONDS = 300;
    private static final double TARGET = 40.0;
    private static final double DIGIT_PER_VCPU = 6.3 / 16;

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int lifecycles = args.length > 1 ? Integer.parseInt(args[1]) : 1500;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;

        // command-line arguments: above application.yml (server.port 8086) and the test sources' config/application.yml
        ConfigurableApplicationContext app = new SpringApplicationBuilder(HotlineApplication.class,
                ServerTimings.class)
                .profiles("local")
                .initializers(new TestInfrastructure())
                .run("--server.port=0", "--logging.level.root=WARN", "--logging.level.dev.onewindow=WARN",
                        // the stand-in's encoder races a concurrent update of the same stored document now and
                        // then (ConcurrentModificationException in mongo-java-server 1.47.0) and logs the whole
                        // reply; the driver's retry answers the call, so the page of log is noise here
                        "--logging.level.de.bwaldvogel.mongo.wire.MongoWireMessageEncoder=OFF",
                        "--onewindow.outbox.sweep-interval=5s");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        Store store = new Store(app);

        Bench bench = new Bench(port, threads);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("%nWork-order lifecycle benchmark: %d client threads, %d lifecycles per run, %d cores "
                + "(shared), Mongo stand-in: %s%n", threads, lifecycles, cores,
                "plain".equals(System.getProperty("onewindow.mongo-stand-in"))
                        ? "mongo-java-server's plain memory backend (scans unless a filter is exactly a unique index)"
                        : "indexed memory backend (uses _id and the first field of secondary indexes)");
        System.out.printf("lifecycle: register (citizen, APP, region 341302, categories %s) → dispatch {} → sign → "
                + "reply (lead's handler) → callback SATISFIED → close (agent) → GET /orders/mine%n", MEASURED);
        bench.run(Math.max(200, lifecycles / 2), null); // warm-up: JIT (C2 on 2 busy cores), pools, Kafka metadata
        System.out.print("work_orders indexes:");
        mongo.getCollection("work_orders").listIndexes().forEach(i -> System.out.print(" " + i.get("name")
                + i.get("key")));
        System.out.println();

        List<Result> results = new ArrayList<>();
        long stored = mongo.getCollection("work_orders").countDocuments();
        for (int size : sizes) {
            if (stored < size) {
                long started = System.nanoTime();
                int added = store.preStore((int) (size - stored));
                System.out.printf("%n(bulk-inserted %,d orders in %.1f s; %s)%n", added,
                        (System.nanoTime() - started) / 1e9, store.shapeCheck());
            }
            stored = mongo.getCollection("work_orders").countDocuments();
            System.out.printf("%n== %,d work orders stored (%s) ==%n", stored, store.describe());
            System.out.println("  " + store.duplicateWindow());
            Result result = new Result(stored);
            results.add(result);
            result.loadStart = loadavg();
            bench.run(lifecycles, result);
            result.loadEnd = loadavg();
            result.print(lifecycles, cores);
            stored = mongo.getCollection("work_orders").countDocuments();
        }
        summary(results);
        app.close();
        System.exit(0);
    }

    // ---------------------------------------------------------------------------------------------------- results

    /** One stored size's measurement. */
    private static final class Result {
        final long stored;
        int failures;
        double seconds;
        String loadStart;
        String loadEnd;
        final Map<String, double[]> calls = new LinkedHashMap<>(); // step → p50, p95, p99, server, mongo, commands
        String commands;
        String leads;
        String firstFailure;

        Result(long stored) {
            this.stored = stored;
        }

        double rate(int lifecycles) {
            return (lifecycles - failures) / seconds;
        }

        void print(int lifecycles, int cores) {
            double rate = rate(lifecycles);
            System.out.printf("  %d lifecycles (%d failed) in %.1f s = %.1f lifecycles/s   load %s → %s%n",
                    lifecycles, failures, seconds, rate, loadStart, loadEnd);
            if (firstFailure != null) {
                System.out.println("  first failure: " + firstFailure);
            }
            double load = Math.max(firstLoad(loadStart), firstLoad(loadEnd));
            if (load > cores) {
                System.out.printf("  NOTE: 1-minute load %.1f on %d cores: other processes share the CPUs, so these "
                        + "times include waiting for a core; not a measurement%n", load, cores);
            }
            System.out.printf("  %-9s %8s %8s %8s | %10s %10s %7s %6s %13s%n", "call", "p50 ms", "p95 ms",
                    "p99 ms", "server ms", "mongo ms", "mongo%", "cmds", "own (non-db)");
            double own = 0;
            double server = 0;
            for (Map.Entry<String, double[]> e : calls.entrySet()) {
                double[] c = e.getValue();
                System.out.printf("  %-9s %8.1f %8.1f %8.1f | %10.2f %10.2f %6.0f%% %6.1f %10.2f ms%n", e.getKey(),
                        c[0], c[1], c[2], c[3], c[4], c[3] == 0 ? 0 : 100 * c[4] / c[3], c[5], c[3] - c[4]);
                own += c[3] - c[4];
                server += c[3];
            }
            System.out.printf("  %-9s %8s %8s %8s | %10.2f %10.2f %6.0f%% %6s %10.2f ms%n", "lifecycle", "", "", "",
                    server, server - own, server == 0 ? 0 : 100 * (server - own) / server, "", own);
            System.out.println("  Mongo commands (all threads, incl. the outbox relay and listeners):" + commands);
            System.out.println("  dispatched (category→lead): " + leads);
            double perVcpu = rate / cores;
            System.out.printf("  → %.1f lifecycles/s = %.2f× the target (40/s on 2 cores at 10,000)%s; %.1f/s per "
                    + "vCPU = %.0f× DIGIT's 0.39/s per vCPU (6.3/s on 16 vCPU at 1 M)%n", rate, rate / TARGET,
                    rate >= TARGET ? ", met" : ", NOT met", perVcpu, perVcpu / DIGIT_PER_VCPU);
        }
    }

    /** OneWindow's own time per call across sizes: is it flat? */
    private static void summary(List<Result> results) {
        if (results.size() < 2) {
            return;
        }
        Result first = results.get(0);
        Result last = results.get(results.size() - 1);
        System.out.printf("%n== own (non-db) server time per call, %,d → %,d stored ==%n", first.stored, last.stored);
        System.out.printf("  %-9s %12s %12s %7s | %12s %12s %7s%n", "call", "own ms", "own ms", "ratio", "mongo ms",
                "mongo ms", "ratio");
        double ownFirst = 0;
        double ownLast = 0;
        for (String step : STEPS) {
            double[] a = first.calls.get(step);
            double[] b = last.calls.get(step);
            if (a == null || b == null) {
                continue;
            }
            double oa = a[3] - a[4];
            double ob = b[3] - b[4];
            ownFirst += oa;
            ownLast += ob;
            System.out.printf("  %-9s %12.2f %12.2f %6.2f× | %12.2f %12.2f %6.2f×%n", step, oa, ob, ob / oa, a[4],
                    b[4], a[4] == 0 ? 0 : b[4] / a[4]);
        }
        System.out.printf("  %-9s %12.2f %12.2f %6.2f×%n", "lifecycle", ownFirst, ownLast, ownLast / ownFirst);
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

    // ---------------------------------------------------------------------------------------------------- pre-store

    /**
     * Orders as a city accumulates them, built with the aggregate's public commands and written straight to the
     * collection (without their outbox: long published). Order {@code n} (0 the newest) was registered
     * {@code (n + 1) × 5 min} before the first pre-store; its state follows its age.
     */
    private static final class Store {
        private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd")
                .withZone(WorkingDayCalendar.ZONE);
        private static final String[] REGIONS = {"341302", "341302", "341302", "341302", "341302", "341321",
            "341322", "341323", "341324", "341300"};
        private static final String[] STREETS = {"银河一路", "淮河路", "汴河大道", "人民路", "胜利路", "银河三路",
            "浍河路", "鞋城路", "拂晓大道", "西昌路", "城东街道", "三八街道"};
        private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};

        private final MongoTemplate mongo;
        private final WorkOrderService service;
        private final List<Category> leaves;
        private final DispatchRules dispatchRules;
        private final OrderNumbers numbers;
        private final FieldCipher cipher;
        private final LookupHasher hasher;
        private final Method refreshDeadlineIndex;
        private final Actor agent = new Actor("agent-pre", "agent-pre", Set.of(Roles.HOTLINE_AGENT), "SJZYJ");
        private final Actor dispatcher = new Actor("dispatcher-pre", "dispatcher-pre",
                Set.of(Roles.HOTLINE_DISPATCHER), "SJZYJ");
        private final Actor partner = new Actor("partner-demo", "partner-demo", Set.of(Roles.PARTNER), null);
        private final Map<String, Actor> handlers = new HashMap<>();
        private Instant anchor;
        private int preStored;
        private final Map<String, Integer> statuses = new java.util.TreeMap<>();

        Store(ConfigurableApplicationContext app) throws NoSuchMethodException {
            this.mongo = app.getBean(MongoTemplate.class);
            this.service = app.getBean(WorkOrderService.class);
            this.leaves = app.getBean(CategoryTree.class).leaves();
            this.dispatchRules = app.getBean(DispatchRules.class);
            this.numbers = app.getBean(OrderNumbers.class);
            this.cipher = app.getBean(FieldCipher.class);
            this.hasher = app.getBean(LookupHasher.class);
            // package-private: the service calls it before each save; the bench stores without the service
            this.refreshDeadlineIndex = WorkOrder.class.getDeclaredMethod("refreshDeadlineIndex",
                    WorkOrderRules.class, Instant.class);
            this.refreshDeadlineIndex.setAccessible(true);
        }

        String describe() {
            return "pre-stored " + String.format("%,d", preStored) + " by state " + statuses;
        }

        /**
         * What register's duplicate search has to do for the measured categories: the stored orders of each in the
         * window (24 h) and how many of those are open — what MongoDB reads through the {@code duplicates} index
         * {categoryCode, registeredAt} — against all orders of the category, which the stand-in looks at (it looks
         * up the index's first field only and filters the rest).
         */
        String duplicateWindow() {
            Instant since = Instant.now().minus(Duration.ofHours(24));
            List<String> open = WorkOrderStatus.OPEN.stream().map(Enum::name).toList();
            StringBuilder line = new StringBuilder("duplicate search (24 h window) per register, orders in the window "
                    + "(open) / orders of the category the stand-in filters:");
            for (String category : MEASURED) {
                var orders = mongo.getCollection("work_orders");
                long all = orders.countDocuments(Filters.eq("categoryCode", category));
                long window = orders.countDocuments(Filters.and(Filters.eq("categoryCode", category),
                        Filters.gte("registeredAt", since)));
                long openInWindow = orders.countDocuments(Filters.and(Filters.eq("categoryCode", category),
                        Filters.gte("registeredAt", since), Filters.in("status", open)));
                line.append(String.format(" %s %d (%d) / %,d;", category, window, openInWindow, all));
            }
            return line.toString();
        }

        /**
         * The stored orders have the shape the service saves: field paths of a service-saved closed order (the
         * warm-up's) that no pre-stored closed order has are listed; none is expected.
         */
        String shapeCheck() {
            var orders = mongo.getCollection("work_orders");
            Document saved = orders.find(Filters.and(Filters.eq("status", "CLOSED"),
                    Filters.regex("caller.subject", "^bench-citizen-"), Filters.regex("text", "^小区"))).first();
            if (saved == null) {
                return "shape not checked: no service-saved closed order";
            }
            Set<String> stored = new java.util.TreeSet<>();
            orders.find(Filters.and(Filters.eq("status", "CLOSED"), Filters.regex("text", "预置工单")))
                    .limit(500).forEach(d -> paths("", d, stored));
            Set<String> expected = new java.util.TreeSet<>();
            paths("", saved, expected);
            expected.removeAll(stored);
            expected.removeIf(path -> path.startsWith("outbox"));
            return expected.isEmpty() ? "shape: every field path of a service-saved closed order is in the stored ones"
                    : "shape: MISSING in the stored orders " + expected;
        }

        private static void paths(String prefix, Object value, Set<String> into) {
            if (value instanceof Document document) {
                document.forEach((key, child) -> {
                    into.add(prefix + key);
                    paths(prefix + key + ".", child, into);
                });
            } else if (value instanceof List<?> list) {
                list.forEach(element -> paths(prefix, element, into));
            }
        }

        /** Adds {@code count} older orders; answers how many were inserted. */
        int preStore(int count) throws Exception {
            if (anchor == null) {
                anchor = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            }
            WorkOrderRules rules = service.rules();
            Instant now = Instant.now();
            String today = DAY.format(now);
            Map<String, Long> counters = new HashMap<>();
            List<Document> batch = new ArrayList<>();
            int lo = preStored;
            int hi = preStored + count;
            for (int n = hi - 1; n >= lo; n--) { // oldest first
                SplittableRandom r = random(n);
                List<WorkOrder> built = new ArrayList<>();
                if (n - 1 >= lo && r.nextInt(100) < 2) { // order n has a duplicate, order n - 1, merged into it
                    built.addAll(mergedPair(n, rules, now, today, counters));
                    n--;
                } else {
                    WorkOrderStatus target = target(n);
                    WorkOrder order = register(n, target, rules, today, counters);
                    advance(order, n, target, rules, now);
                    built.add(order);
                }
                for (WorkOrder order : built) {
                    refreshDeadlineIndex.invoke(order, rules, now);
                    statuses.merge(order.status().name(), 1, Integer::sum);
                    Document document = new Document();
                    mongo.getConverter().write(order, document);
                    document.remove("outbox"); // long published: nothing left for the relay
                    document.put("version", 0L);
                    batch.add(document);
                }
                if (batch.size() >= 2000) {
                    mongo.getCollection("work_orders").insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                mongo.getCollection("work_orders").insertMany(batch);
            }
            // the daily counters the stored order numbers came from (today's were drawn from the counter itself)
            counters.forEach((key, sequence) -> mongo.getCollection("order_counters").updateOne(
                    Filters.eq("_id", key), Updates.max("sequence", sequence), new UpdateOptions().upsert(true)));
            preStored = hi;
            return count;
        }

        private static SplittableRandom random(int n) {
            return new SplittableRandom(n * 0x9E3779B97F4A7C15L + 0x5DEECE66DL);
        }

        private Instant registeredAt(int n) {
            return anchor.minusSeconds((n + 1L) * SPACING_SECONDS);
        }

        /** The state order {@code n} is in now, by its age: recent orders still open, old ones mostly closed. */
        private WorkOrderStatus target(int n) {
            double ageDays = (n + 1L) * SPACING_SECONDS / 86_400.0;
            int p = random(n ^ 0x7777777).nextInt(100);
            if (ageDays < 1) {
                return pick(p, new int[] {10, 20, 15, 15, 15, 5, 10, 7, 3, 0});
            }
            if (ageDays < 14) {
                return pick(p, new int[] {1, 3, 5, 12, 10, 4, 52, 8, 1, 4});
            }
            return pick(p, new int[] {0, 0, 0, 1, 1, 1, 86, 9, 1, 1});
        }

        private static final WorkOrderStatus[] ORDER = {WorkOrderStatus.REGISTERED, WorkOrderStatus.DISPATCHED,
            WorkOrderStatus.SIGNED, WorkOrderStatus.IN_PROGRESS, WorkOrderStatus.REPLIED, WorkOrderStatus.CALLBACK,
            WorkOrderStatus.CLOSED, WorkOrderStatus.ANSWERED, WorkOrderStatus.RETURNED, WorkOrderStatus.REOPENED};

        private static WorkOrderStatus pick(int p, int[] weights) {
            int sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                if (p < sum) {
                    return ORDER[i];
                }
            }
            return WorkOrderStatus.CLOSED;
        }

        /** 受理 of order {@code n}: category, region, channel, caller and place drawn from {@code n}. */
        private WorkOrder register(int n, WorkOrderStatus target, WorkOrderRules rules, String today,
                Map<String, Long> counters) {
            SplittableRandom r = random(n ^ 0x55555555);
            Instant at = registeredAt(n);
            Category category = leaves.get(r.nextInt(leaves.size()));
            String region = REGIONS[r.nextInt(REGIONS.length)];
            String id = UUID.nameUUIDFromBytes(("pre-" + n).getBytes(StandardCharsets.UTF_8)).toString();
            int who = r.nextInt(100);
            IntakeChannel channel;
            Actor registrar;
            String role;
            String subject = null;
            String clientId = null;
            if (who < 40) { // a signed-in citizen: the bench's own citizens get a few of the recent ones
                channel = new IntakeChannel[] {IntakeChannel.APP, IntakeChannel.WEB, IntakeChannel.MINI_PROGRAM,
                    IntakeChannel.WECHAT}[r.nextInt(4)];
                subject = n < 10_000 && n % 4 == 0 ? "bench-citizen-" + (n / 4) % CITIZENS
                        : "pre-citizen-" + Math.floorMod(r.nextLong(), n / 3 + 500);
                registrar = new Actor(subject, "citizen", Set.of(Roles.CITIZEN), null);
                role = Roles.CITIZEN;
            } else if (who < 95) {
                channel = who < 85 ? IntakeChannel.PHONE : who < 90 ? IntakeChannel.SMS : IntakeChannel.WECHAT;
                registrar = agent;
                role = Roles.HOTLINE_AGENT;
            } else {
                channel = IntakeChannel.PARTNER_API;
                clientId = "partner-demo";
                registrar = partner;
                role = Roles.PARTNER;
            }
            boolean anonymous = channel == IntakeChannel.PHONE && r.nextInt(100) < 8;
            boolean confidential = r.nextInt(100) < 5;
            CallerInfo caller;
            if (anonymous) {
                caller = new CallerInfo(true, null, null, null, null, confidential, null, null);
            } else {
                String mobile = "1" + (3 + r.nextInt(7)) + String.format("%09d", r.nextInt(1_000_000_000));
                String name = SURNAMES[r.nextInt(SURNAMES.length)] + "先生";
                caller = new CallerInfo(false, Masking.name(name), Masking.mobile(mobile),
                        cipher.encrypt(mobile, "workorder:" + id + ":mobile"), hasher.hash(mobile), confidential,
                        subject, clientId);
            }
            DemandType demand = target == WorkOrderStatus.ANSWERED || category.code().startsWith("CONSULT")
                    ? DemandType.CONSULTATION
                    : category.code().startsWith("PRAISE") ? (r.nextBoolean() ? DemandType.PRAISE
                            : DemandType.SUGGESTION)
                    : new DemandType[] {DemandType.COMPLAINT, DemandType.COMPLAINT, DemandType.REPORT,
                        DemandType.HELP}[r.nextInt(4)];
            Urgency urgency = r.nextInt(100) < 3 ? Urgency.URGENT : r.nextInt(100) < 15 ? Urgency.HIGH
                    : Urgency.NORMAL;
            Location location = r.nextInt(100) < 70
                    ? new Location(33.64 + (r.nextDouble() - 0.5) * 0.1, 116.98 + (r.nextDouble() - 0.5) * 0.1)
                    : null;
            String address = "宿州市" + STREETS[r.nextInt(STREETS.length)] + (1 + r.nextInt(300)) + "号";
            WorkOrder.Draft draft = new WorkOrder.Draft(id, orderNo(at, today, counters), channel, caller, demand,
                    category.code(), category.path(), address, region, location, urgency,
                    "关于" + category.name() + "的诉求：" + address + "附近，请相关部门尽快核实处理。（预置工单 " + n + "）");
            return WorkOrder.register(draft, registrar, role, List.of(), rules, at);
        }

        /**
         * 工单编号 as the service gives them: today's from the day's counter itself (the warm-up has drawn from it
         * already), earlier days' by the order's 5-minute slot of the day (the counter is raised to the last).
         */
        private String orderNo(Instant at, String today, Map<String, Long> counters) {
            String day = DAY.format(at);
            if (day.equals(today)) {
                return numbers.next(at);
            }
            ZonedDateTime local = at.atZone(WorkingDayCalendar.ZONE);
            long sequence = local.toLocalTime().toSecondOfDay() / SPACING_SECONDS + 1;
            counters.merge("12345" + day, sequence, Math::max);
            return "12345" + day + String.format("%06d", sequence);
        }

        /** Takes order {@code n} from REGISTERED to {@code target}, its steps spread over its age. */
        private void advance(WorkOrder order, int n, WorkOrderStatus target, WorkOrderRules rules, Instant now) {
            SplittableRandom r = random(n ^ 0x2AAAAAAA);
            Instant t0 = order.registeredAt();
            long span = Math.min(Duration.between(t0, now).toSeconds() * 9 / 10, 6 * 86_400L);
            Steps at = new Steps(t0, span);
            if (target == WorkOrderStatus.REGISTERED) {
                return;
            }
            if (target == WorkOrderStatus.ANSWERED) {
                order.answer(agent, "KB-bench-" + r.nextInt(20), "请携带身份证件到政务服务中心办理。", rules, at.next());
                return;
            }
            Category category = leaves.stream().filter(c -> c.code().equals(order.categoryCode())).findFirst()
                    .orElseThrow();
            DispatchRules.Decision decision = dispatchRules.decide(category, order.regionCode());
            order.dispatch(dispatcher, decision.lead(), decision.helpers(), decision.by(), rules, at.next());
            if (target == WorkOrderStatus.DISPATCHED) {
                return;
            }
            String lead = decision.lead();
            boolean returned = target == WorkOrderStatus.RETURNED
                    || (target == WorkOrderStatus.CLOSED && r.nextInt(100) < 4);
            if (returned) {
                if (r.nextBoolean()) {
                    order.sign(handler(lead), rules, at.next());
                }
                order.returnOrder(handler(lead), "不属于本单位职责，请改派。", rules, at.next());
                if (target == WorkOrderStatus.RETURNED) {
                    return;
                }
                lead = lead.equals("SJZYJ") ? "YQQZF" : "SJZYJ";
                order.dispatch(dispatcher, lead, List.of(), "DISPATCHER", rules, at.next());
            }
            order.sign(handler(lead), rules, at.next());
            for (String helper : order.helperDepartments()) {
                order.sign(handler(helper), rules, at.next());
            }
            if (target == WorkOrderStatus.SIGNED) {
                return;
            }
            order.start(handler(lead), rules, at.next());
            if (target == WorkOrderStatus.IN_PROGRESS) {
                return;
            }
            for (String helper : order.helperDepartments()) {
                order.reply(handler(helper), "协办意见：已配合现场核查。", rules, at.next());
            }
            order.reply(handler(lead), "经核查，已责令整改并处理完毕。", rules, at.next());
            if (target == WorkOrderStatus.REPLIED) {
                return;
            }
            if (target == WorkOrderStatus.REOPENED || (target == WorkOrderStatus.CLOSED && r.nextInt(100) < 5)) {
                order.recordCallback(agent, CallbackResult.UNSATISFIED, "问题仍未解决", rules, at.next());
                if (target == WorkOrderStatus.REOPENED) {
                    return;
                }
                order.reply(handler(lead), "已再次核查并彻底整改。", rules, at.next());
            }
            order.recordCallback(agent, r.nextInt(100) < 80 ? CallbackResult.SATISFIED
                    : CallbackResult.BASICALLY_SATISFIED, null, rules, at.next());
            if (target == WorkOrderStatus.CALLBACK) {
                return;
            }
            order.close(agent, rules, at.next());
        }

        /** Order {@code n} and its duplicate {@code n - 1}, registered 5 minutes later and merged into it. */
        private List<WorkOrder> mergedPair(int n, WorkOrderRules rules, Instant now, String today,
                Map<String, Long> counters) {
            WorkOrderStatus target = target(n);
            if (target == WorkOrderStatus.ANSWERED || target == WorkOrderStatus.REGISTERED) {
                target = WorkOrderStatus.DISPATCHED;
            }
            WorkOrder primary = register(n, target, rules, today, counters);
            WorkOrder merged = register(n - 1, WorkOrderStatus.MERGED, rules, today, counters);
            merged.mergeInto(dispatcher, primary, rules, merged.registeredAt().plusSeconds(60));
            primary.acceptMerged(merged);
            advance(primary, n, target, rules, now);
            if (primary.reply() != null) {
                Instant at = primary.repliedAt().plusSeconds(1);
                merged.replyWithPrimary(primary.reply(), primary.replyDepartment(), rules, at);
                if (primary.status() == WorkOrderStatus.CLOSED) {
                    Instant callback = at.plusSeconds(3600).isBefore(now) ? at.plusSeconds(3600) : now;
                    merged.recordCallback(agent, CallbackResult.SATISFIED, null, rules, callback);
                    merged.close(agent, rules, callback.plusSeconds(1).isBefore(now) ? callback.plusSeconds(1) : now);
                }
            }
            return List.of(primary, merged);
        }

        private Actor handler(String department) {
            return handlers.computeIfAbsent(department, d -> new Actor("handler-" + d.toLowerCase(),
                    "handler-" + d.toLowerCase(), Set.of(Roles.DEPT_HANDLER), d));
        }

        /** The instants of an order's successive steps, spread over its span. */
        private static final class Steps {
            private final Instant start;
            private final long span;
            private int step;

            Steps(Instant start, long span) {
                this.start = start;
                this.span = span;
            }

            Instant next() {
                step++;
                // 1/12, 2/12 … of the span: at most 11 steps before the span ends, each a second apart at least
                return start.plusSeconds(Math.max(step, span * Math.min(step, 11) / 12));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- client

    /** The client side: citizens, staff tokens, and the per-call latency record. */
    private static final class Bench {
        private final int port;
        private final int threads;
        private final String agent;
        private final String dispatcher;
        private final Map<String, String> handlers = new ConcurrentHashMap<>();
        /** category→lead department the dispatch rules chose, counted per run. */
        private final Map<String, AtomicInteger> leads = new ConcurrentHashMap<>();
        private final List<String> citizens = new ArrayList<>();

        Bench(int port, int threads) {
            this.port = port;
            this.threads = threads;
            TokenMinter tokens = TokenMinter.shared();
            this.agent = tokens.user("agent1", Roles.HOTLINE_AGENT).dept("SJZYJ").region("341300")
                    .expiresIn(Duration.ofHours(4)).mint();
            this.dispatcher = tokens.user("dispatcher1", Roles.HOTLINE_DISPATCHER).dept("SJZYJ").region("341300")
                    .expiresIn(Duration.ofHours(4)).mint();
            for (int i = 0; i < CITIZENS; i++) {
                citizens.add(tokens.user("bench-citizen-" + i, Roles.CITIZEN).subject("bench-citizen-" + i)
                        .expiresIn(Duration.ofHours(4)).mint());
            }
        }

        private String handler(String department) {
            return handlers.computeIfAbsent(department, d -> TokenMinter.shared()
                    .user("handler-" + d.toLowerCase(), Roles.DEPT_HANDLER).dept(d).region("341300")
                    .expiresIn(Duration.ofHours(4)).mint());
        }

        /** Runs {@code lifecycles} from {@code threads} client threads; records into {@code result} unless null. */
        void run(int lifecycles, Result result) throws InterruptedException {
            Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
            STEPS.forEach(step -> latencies.put(step, new ConcurrentLinkedQueue<>()));
            ServerTimings.clear();
            leads.clear();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            AtomicReference<String> firstFailure = new AtomicReference<>();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long started = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                pool.execute(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < lifecycles) {
                        try {
                            lifecycle(n, latencies);
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
            double seconds = (System.nanoTime() - started) / 1e9;
            if (result == null) {
                System.out.printf("(warm-up: %d lifecycles, %d failed, %.1f s%s)%n", lifecycles, failures.get(),
                        seconds, firstFailure.get() == null ? "" : "; first failure: " + firstFailure.get());
                return;
            }
            result.failures = failures.get();
            result.firstFailure = firstFailure.get();
            result.seconds = seconds;
            for (String step : STEPS) {
                long[] sorted = latencies.get(step).stream().mapToLong(Long::longValue).sorted().toArray();
                List<long[]> server = ServerTimings.of(step);
                result.calls.put(step, new double[] {percentileMillis(sorted, 50), percentileMillis(sorted, 95), percentileMillis(sorted, 99),
                    server.stream().mapToLong(s -> s[0]).average().orElse(0) / 1e6,
                    server.stream().mapToLong(s -> s[1]).average().orElse(0) / 1e6,
                    server.stream().mapToLong(s -> s[2]).average().orElse(0)});
            }
            result.commands = ServerTimings.commands();
            result.leads = new java.util.TreeMap<>(leads).toString();
        }

        private void lifecycle(int n, Map<String, ConcurrentLinkedQueue<Long>> latencies)
                throws IOException, InterruptedException {
            String citizen = citizens.get(n % citizens.size());
            SplittableRandom r = new SplittableRandom(System.nanoTime());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("channel", "APP");
            body.put("caller", Map.of("name", "张三", "mobile", "13" + (8 + n % 2) + String.format("%08d",
                    r.nextInt(100_000_000)), "anonymous", false, "confidential", false));
            body.put("demandType", "COMPLAINT");
            body.put("categoryCode", MEASURED.get(n % MEASURED.size()));
            body.put("address", "宿州市埇桥区银河一路" + (1 + r.nextInt(300)) + "号");
            body.put("region", "341302");
            body.put("location", Map.of("lat", 33.64 + (r.nextDouble() - 0.5) * 0.1,
                    "lng", 116.98 + (r.nextDouble() - 0.5) * 0.1));
            body.put("urgency", "NORMAL");
            body.put("text", "小区楼下夜间噪音扰民，已持续一周，请尽快处理。");
            JsonNode registered = call("register", "POST", "/api/v1/hotline/orders", citizen,
                    JSON.writeValueAsString(body), 201, latencies);
            String id = registered.get("id").asString();
            String orders = "/api/v1/hotline/orders/" + id;
            JsonNode dispatched = call("dispatch", "POST", orders + "/dispatch", dispatcher, "{}", 200, latencies);
            String department = dispatched.get("leadDepartment").asString();
            leads.computeIfAbsent(registered.get("categoryCode").asString() + "→" + department,
                    k -> new AtomicInteger()).incrementAndGet();
            String lead = handler(department);
            call("sign", "POST", orders + "/sign", lead, null, 200, latencies);
            call("reply", "POST", orders + "/reply", lead, "{\"reply\":\"经现场核查，已责令商户整改，噪音问题已解决。\"}",
                    200, latencies);
            call("callback", "POST", orders + "/callback", agent, "{\"result\":\"SATISFIED\"}", 200, latencies);
            JsonNode closed = call("close", "POST", orders + "/close", agent, null, 200, latencies);
            if (!"CLOSED".equals(closed.get("status").asString())) {
                throw new IllegalStateException("not closed: " + closed);
            }
            JsonNode mine = call("mine", "GET", "/api/v1/hotline/orders/mine?size=20", citizen, null, 200, latencies);
            boolean listed = false;
            for (JsonNode order : mine.get("content")) {
                listed |= id.equals(order.get("id").asString());
            }
            if (!listed) {
                throw new IllegalStateException("order " + id + " not in the citizen's list: " + mine);
            }
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
    }



    private HotlineLifecycleBenchmark() {
    }
}
