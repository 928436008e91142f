package dev.onewindow.catalog.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import dev.onewindow.catalog.CatalogApplication;
import dev.onewindow.catalog.entry.ApprovalRule;
import dev.onewindow.catalog.entry.AutoApproval;
import dev.onewindow.catalog.entry.CatalogEntry;
import dev.onewindow.catalog.entry.EntryContent;
import dev.onewindow.catalog.entry.Editor;
import dev.onewindow.catalog.entry.Fee;
import dev.onewindow.catalog.entry.Material;
import dev.onewindow.catalog.entry.ProcessStep;
import dev.onewindow.catalog.entry.Result;
import dev.onewindow.catalog.item.ApplicantType;
import dev.onewindow.catalog.item.BasicCode;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.TestInfrastructure;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Catalog benchmark (run by {@code service-catalog/bench/catalog-bench.sh}, not a test). Starts the service on the
 * test kit's in-process infrastructure, loads N published entries with realistic Chinese text (through the
 * aggregate, so each has its bigram listing and its outbox event), waits until the relay has published them, then
 * measures over HTTP, one client, the latency of a mix of public searches (p50/p95/p99) and, with several clients,
 * the reads per second of one published entry. Arguments: entries (10,000), measured requests per query (50). A MongoDB command listener adds up the time the driver waited for
 * the Mongo stand-in during each request, to tell how much of it is the stand-in.
 */
public final class CatalogBenchmark {

    private static final AtomicLong MONGO_NANOS = new AtomicLong();
    private static final AtomicLong MONGO_COMMANDS = new AtomicLong();

    private static final String[] SERVICES = {"食品经营许可", "食品生产许可", "个体工商户设立登记", "企业设立登记", "不动产首次登记",
            "不动产转移登记", "社会保障卡申领", "居住证申领", "出生登记", "护士执业注册", "公共场所卫生许可", "医疗机构执业登记",
            "建设工程规划许可证核发", "人力资源服务许可", "劳务派遣经营许可", "特种设备使用登记", "药品经营许可", "道路运输经营许可",
            "排污许可", "取水许可", "林木采伐许可", "烟草专卖零售许可", "出版物零售单位设立", "食品小作坊登记", "建筑工程施工许可",
            "燃气经营许可", "养老机构设立备案", "民办学校设立审批", "旅行社设立许可", "娱乐场所经营许可"};
    private static final String[] VARIANTS = {"", "（新办）", "（变更）", "（延续）", "（注销）", "（补办）"};
    private static final String[] SENTENCES = {
            "申请人应当先行取得营业执照等合法主体资格，并在营业执照载明的经营范围内开展活动。",
            "在宿州市行政区域内从事相关经营活动的，应当依法向所在地主管部门提出申请。",
            "申请材料齐全、符合法定形式的，应当当场受理；不符合的，一次性告知需要补正的全部内容。",
            "已持有电子证照且信息已共享的，无需另行提交纸质复印件。",
            "经营场所、设备设施应当符合国家和地方相关标准，必要时进行现场核查。",
            "申请人为企业的，应当提交加盖公章的营业执照复印件及法定代表人身份证明。",
            "办理结果可选择邮寄送达或者在政务服务中心窗口领取。",
            "本事项实行告知承诺制，申请人书面承诺符合条件的，可以直接作出决定。",
            "涉及多个部门的，由牵头部门统一受理、并联审批、限时办结。",
            "申请人对办理结果有异议的，可以依法申请行政复议或者提起行政诉讼。"};
    private static final String[] MATERIALS = {"申请书", "营业执照", "加盖公章的营业执照复印件", "法定代表人居民身份证",
            "经办人居民身份证", "经营场所使用证明", "授权委托书", "章程或者合伙协议", "主要设备设施清单", "安全管理制度",
            "专业技术人员资格证明", "不动产权证书", "户口簿", "出生医学证明", "现场核查意见", "环境影响评价文件"};
    private static final String[] LICENSES = {"YYZZ", "JMSFZ", "BDCQZ", "JMHKB", "CSYXZM"};
    private static final String[] DEPARTMENTS = {"SCJGJ", "GAJ", "WSJKW", "RSJ", "ZRZYJ", "SJZYJ", "JTYSJ", "ZJJ",
            "SLJ", "STHJJ", "WHLYJ", "JYJ"};
    private static final String[] REGIONS = {"341300", "341300", "341300", "341302", "341321", "341322", "341323",
            "341324"};
    private static final String[] TOPICS = {"开办企业", "准营", "企业变更", "企业注销", "出生", "户籍", "就业", "社会保障",
            "不动产", "工程建设", "医疗卫生", "教育"};
    private static final String[] TYPES = {"XK", "XK", "XK", "QR", "JF", "GG", "GG", "QT"};

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int perQuery = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        CommandListener timing = new CommandListener() {
            @Override
            public void commandSucceeded(CommandSucceededEvent event) {
                MONGO_NANOS.addAndGet(event.getElapsedTime(TimeUnit.NANOSECONDS));
                MONGO_COMMANDS.incrementAndGet();
            }
        };
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CatalogApplication.class)
                .initializers(new TestInfrastructure(), context -> {
                    // the test kit sweeps the outbox every second, a collection scan on the stand-in: nudges suffice
                    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("bench",
                            Map.of("onewindow.outbox.sweep-interval", "10m")));
                    context.getBeanFactory().registerSingleton("benchMongoTiming",
                            (MongoClientSettingsBuilderCustomizer) settings -> settings.addCommandListener(timing));
                })
                .profiles("local")
                .properties(Map.of("server.port", "0", "logging.level.root", "WARN",
                        "logging.level.de.bwaldvogel", "ERROR"))
                .run();
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        MongoTemplate mongo = app.getBean(MongoTemplate.class);

        Instant loadStart = Instant.now();
        String sampleCode = load(mongo, entries);
        Duration loadTime = Duration.between(loadStart, Instant.now());
        awaitOutboxEmpty(mongo);
        System.out.printf("%nCatalog benchmark: %d published entries loaded in %.1f s (events published: %s)%n",
                entries, loadTime.toMillis() / 1000.0, "yes");

        ApiClient api = ApiClient.localPort(port);
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("q=营业执照", "q=" + enc("营业执照"));
        queries.put("q=营业执照&region=341300", "q=" + enc("营业执照") + "&region=341300");
        queries.put("q=营业执照&page=5", "q=" + enc("营业执照") + "&page=5");
        queries.put("q=食品经营", "q=" + enc("食品经营"));
        queries.put("q=不动产&department=ZRZYJ", "q=" + enc("不动产") + "&department=ZRZYJ");
        queries.put("q=法定代表人居民身份证", "q=" + enc("法定代表人居民身份证"));
        queries.put("q=许可&itemType=XK&onlineDepth=4", "q=" + enc("许可") + "&itemType=XK&onlineDepth=4");
        queries.put("q=证 (one character)", "q=" + enc("证"));
        queries.put("topic=开办企业", "topic=" + enc("开办企业"));
        queries.put("department=SCJGJ&region=341300", "department=SCJGJ&region=341300");

        for (String query : queries.values()) { // warm-up
            for (int i = 0; i < 5; i++) {
                search(api, query);
            }
        }
        Map<String, long[]> httpByQuery = new LinkedHashMap<>();
        Map<String, long[]> mongoByQuery = new LinkedHashMap<>();
        List<Long> allHttp = new ArrayList<>();
        List<Long> allMongo = new ArrayList<>();
        for (Map.Entry<String, String> query : queries.entrySet()) {
            long[] http = new long[perQuery];
            long[] db = new long[perQuery];
            for (int i = 0; i < perQuery; i++) {
                long mongoBefore = MONGO_NANOS.get();
                long start = System.nanoTime();
                search(api, query.getValue());
                http[i] = System.nanoTime() - start;
                db[i] = MONGO_NANOS.get() - mongoBefore;
                allHttp.add(http[i]);
                allMongo.add(db[i]);
            }
            httpByQuery.put(query.getKey(), http);
            mongoByQuery.put(query.getKey(), db);
        }

        System.out.printf("%nSearch over HTTP, one client, %d requests (%d per query), after warm-up; load average %s:%n",
                allHttp.size(), perQuery, loadAverage());
        System.out.printf("  %-36s %8s %8s %8s %8s %10s%n", "query", "hits", "p50 ms", "p95 ms", "p99 ms",
                "mongo %");
        for (Map.Entry<String, long[]> entry : httpByQuery.entrySet()) {
            long[] http = entry.getValue();
            long total = search(api, queries.get(entry.getKey())).json().get("totalElements").asLong();
            System.out.printf("  %-36s %8d %8.1f %8.1f %8.1f %9.0f%%%n", entry.getKey(), total, pct(http, 50),
                    pct(http, 95), pct(http, 99), share(mongoByQuery.get(entry.getKey()), http));
        }
        long[] http = allHttp.stream().mapToLong(Long::longValue).toArray();
        long[] db = allMongo.stream().mapToLong(Long::longValue).toArray();
        System.out.printf("  %-36s %8s %8.1f %8.1f %8.1f %9.0f%%   (target p95 <= 50 ms)%n", "ALL", "",
                pct(http, 50), pct(http, 95), pct(http, 99), share(db, http));
        long[] own = new long[http.length];
        for (int i = 0; i < http.length; i++) {
            own[i] = Math.max(0, http[i] - db[i]);
        }
        System.out.printf("  time waiting for the Mongo stand-in per search: p50 %.1f ms, p95 %.1f ms%n",
                pct(db, 50), pct(db, 95));
        System.out.printf("  the rest (HTTP, security, query building, mapping, JSON): p50 %.1f ms, p95 %.1f ms%n",
                pct(own, 50), pct(own, 95));

        readsPerSecond(api, sampleCode, 4, Duration.ofSeconds(10));
        app.close();
        System.exit(0);
    }

    private static void readsPerSecond(ApiClient api, String code, int clients, Duration duration)
            throws InterruptedException {
        String path = "/api/v1/catalog/entries/" + code;
        for (int i = 0; i < 500; i++) {
            api.get(path).send();
        }
        long[] single = new long[500];
        long mongoBefore = MONGO_NANOS.get();
        for (int i = 0; i < single.length; i++) {
            long start = System.nanoTime();
            Response r = api.get(path).send();
            single[i] = System.nanoTime() - start;
            if (r.status() != 200) {
                throw new IllegalStateException("read failed: " + r);
            }
        }
        long mongoSingle = MONGO_NANOS.get() - mongoBefore;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong reads = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    if (api.get(path).send().status() == 200) {
                        reads.incrementAndGet();
                    } else {
                        failures.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 30, TimeUnit.SECONDS);
        System.out.printf("%nReads of one published entry (GET /api/v1/catalog/entries/%s):%n", code);
        System.out.printf("  one client:  p50 %.2f ms, p95 %.2f ms; Mongo stand-in %.0f%% of the time%n",
                pct(single, 50), pct(single, 95), 100.0 * mongoSingle / java.util.Arrays.stream(single).sum());
        System.out.printf("  %d clients:   %.0f reads/s over %d s (%d failures)%n", clients,
                reads.get() / (double) duration.toSeconds(), duration.toSeconds(), failures.get());
    }

    /** Builds and inserts {@code count} published entries; returns the code of one of them. */
    private static String load(MongoTemplate mongo, int count) {
        Random random = new Random(20260301);
        Editor loader = Editor.system();
        Instant now = Instant.now();
        List<CatalogEntry> batch = new ArrayList<>();
        String sample = null;
        for (int i = 0; i < count; i++) {
            String type = TYPES[i % TYPES.length];
            BasicCode basic = BasicCode.of(type + String.format("%05d%03d", 10_000 + i / 10, i % 10));
            String department = DEPARTMENTS[random.nextInt(DEPARTMENTS.length)];
            String region = REGIONS[random.nextInt(REGIONS.length)];
            CatalogEntry entry = CatalogEntry.draft(basic, department, region, content(random, i), loader, now);
            entry.publish(loader, true, now);
            batch.add(entry);
            if (sample == null) {
                sample = entry.implementationCode();
            }
            if (batch.size() == 500) {
                mongo.insert(batch, CatalogEntry.class);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.insert(batch, CatalogEntry.class);
        }
        return sample;
    }

    private static EntryContent content(Random random, int i) {
        String name = SERVICES[random.nextInt(SERVICES.length)] + VARIANTS[random.nextInt(VARIANTS.length)];
        StringBuilder description = new StringBuilder(name).append("：");
        for (int s = 0, n = 2 + random.nextInt(3); s < n; s++) {
            description.append(SENTENCES[random.nextInt(SENTENCES.length)]);
        }
        List<Material> materials = new ArrayList<>();
        for (int m = 0, n = 3 + random.nextInt(4); m < n; m++) {
            String materialName = MATERIALS[random.nextInt(MATERIALS.length)];
            List<String> licenses = random.nextInt(3) == 0 ? List.of(LICENSES[random.nextInt(LICENSES.length)])
                    : List.of();
            materials.add(new Material(String.format("M%02d", m + 1), materialName, true, null, 0, 1, null,
                    licenses));
        }
        int statutory = 5 + random.nextInt(56);
        int promised = random.nextInt(statutory + 1);
        int depth = 1 + random.nextInt(4);
        AutoApproval auto = i % 50 == 0 ? new AutoApproval(true, "2026-1", List.of(ApprovalRule.licenseValid("JMSFZ")))
                : AutoApproval.DISABLED;
        return new EntryContent(name, description.toString(), "符合法定条件。",
                List.of(ApplicantType.NATURAL_PERSON, ApplicantType.LEGAL_PERSON),
                List.of(TOPICS[random.nextInt(TOPICS.length)], TOPICS[random.nextInt(TOPICS.length)]).stream()
                        .distinct().toList(),
                materials, statutory, promised, Fee.FREE, depth, depth == 4 ? 0 : random.nextInt(3), false, false,
                auto, random.nextBoolean() ? Result.license("YYZZ", "营业执照") : Result.document("决定书"),
                List.of(new ProcessStep("受理", 0), new ProcessStep("审查", promised)));
    }

    private static void awaitOutboxEmpty(MongoTemplate mongo) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (mongo.getCollection("catalog_entries").countDocuments(new Document("outbox.eventId",
                new Document("$exists", true))) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the relay did not publish the load's events in 5 minutes");
            }
            Thread.sleep(500);
        }
    }

    private static Response search(ApiClient api, String query) {
        Response response = api.get("/api/v1/catalog/items?" + query).send();
        if (response.status() != 200) {
            throw new IllegalStateException("search failed: " + response);
        }
        return response;
    }

    private static double pct(long[] values, int percentile) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)]
                / 1_000_000.0;
    }

    private static double share(long[] part, long[] whole) {
        return 100.0 * java.util.Arrays.stream(part).sum() / java.util.Arrays.stream(whole).sum();
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private CatalogBenchmark() {
    }
}
