package dev.onewindow.catalog.entry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.onewindow.platform.testkit.JsonSchema;
import dev.onewindow.catalog.CatalogApiTest;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.onewindow.catalog.Fixtures.AUDITOR;
import static dev.onewindow.catalog.Fixtures.CATALOG_ADMIN;
import static dev.onewindow.catalog.Fixtures.CATALOG_ADMIN_2;
import static dev.onewindow.catalog.Fixtures.CITIZEN;
import static dev.onewindow.catalog.Fixtures.GAJ_ADMIN;
import static dev.onewindow.catalog.Fixtures.GAJ_OFFICER;
import static dev.onewindow.catalog.Fixtures.SCJGJ_ADMIN;
import static dev.onewindow.catalog.Fixtures.SCJGJ_OFFICER;
import static dev.onewindow.catalog.Fixtures.assertProblem;
import static dev.onewindow.catalog.Fixtures.draft;
import static dev.onewindow.catalog.Fixtures.item;
import static dev.onewindow.catalog.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

/** Implementation list entries over HTTP with real tokens, the real broker and the Mongo wire-protocol server. */
@IntegrationTest
class EntryIT extends CatalogApiTest {

    private static final String TOPIC = "service-catalog.item.events.v1";


    @Test
    void fullLifecycleWithVersionReadsAndEveryEventOnTheBroker() {
        String basicCode = item(api(), "XK", "食品经营许可（测试）", List.of("开办企业"));
        // a department admin drafts for their own department
        Response created = api().post("/api/v1/catalog/entries").token(SCJGJ_ADMIN)
                .json(draft(basicCode, "SCJGJ", "食品经营许可")).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String code = created.json().get("implementationCode").asString();
        assertThat(code).isEqualTo(basicCode + "341300SCJGJ");
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.json().get("version").asInt()).isEqualTo(1);
        assertThat(created.header("ETag")).isNotBlank();

        // drafts are not public: anonymous and other departments get 404, the department's staff see it
        assertProblem(api().get("/api/v1/catalog/entries/" + code).send(), 404, "NOT_FOUND");
        assertProblem(api().get("/api/v1/catalog/entries/" + code + "/versions/1").send(), 404, "NOT_FOUND");
        assertProblem(api().get("/api/v1/catalog/entries/" + code + "/versions/1").token(GAJ_OFFICER).send(), 404,
                "NOT_FOUND");
        assertProblem(api().get("/api/v1/catalog/entries/" + code + "/versions/1").token(CITIZEN).send(), 404,
                "NOT_FOUND");
        assertThat(api().get("/api/v1/catalog/entries/" + code + "/versions/1").token(SCJGJ_OFFICER).send()
                .json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(api().get("/api/v1/catalog/entries/" + code + "/versions/1").token(AUDITOR).send().status())
                .isEqualTo(200);

        // a department admin never publishes; their draft, submitted for review, is published by a catalog admin
        assertProblem(api().post("/api/v1/catalog/entries/" + code + "/publish").token(SCJGJ_ADMIN).send(), 403,
                "FORBIDDEN");
        assertThat(api().post("/api/v1/catalog/entries/" + code + "/submit").token(SCJGJ_ADMIN).send().status())
                .isEqualTo(200);
        Response published = api().post("/api/v1/catalog/entries/" + code + "/publish").token(CATALOG_ADMIN).send();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);

        // the public read has exactly the contract's shape (docs/service-contracts.md EntryResponse)
        JsonNode v1 = api().get("/api/v1/catalog/entries/" + code).send().json();
        assertThat(v1.get("implementationCode").asString()).isEqualTo(code);
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(v1.get("basicCode").asString()).isEqualTo(basicCode);
        assertThat(v1.get("itemType").asString()).isEqualTo("XK");
        assertThat(v1.get("departmentCode").asString()).isEqualTo("SCJGJ");
        assertThat(v1.get("region").asString()).isEqualTo("341300");
        assertThat(v1.get("applicantTypes").toString()).isEqualTo("[\"NATURAL_PERSON\",\"LEGAL_PERSON\"]");
        assertThat(v1.get("materials").get(1).toString()).isEqualTo("{\"code\":\"M02\",\"name\":\"营业执照\","
                + "\"required\":true,\"condition\":null,\"originals\":0,\"copies\":1,\"formTemplate\":null,"
                + "\"acceptedLicenseTypes\":[\"YYZZ\"]}");
        assertThat(v1.get("statutoryLimitDays").asInt()).isEqualTo(20);
        assertThat(v1.get("promisedLimitDays").asInt()).isEqualTo(10);
        assertThat(v1.get("onlineDepth").asInt()).isEqualTo(4);
        assertThat(v1.get("visits").asInt()).isZero();
        assertThat(v1.get("crossProvince").asBoolean()).isFalse();
        assertThat(v1.get("proactive").asBoolean()).isFalse();
        assertThat(v1.get("autoApproval").toString()).isEqualTo("{\"enabled\":true,\"ruleSetVersion\":\"2026-1\","
                + "\"rules\":[{\"type\":\"LICENSE_VALID\",\"licenseType\":\"JMSFZ\"},"
                + "{\"type\":\"FIELD_RANGE\",\"field\":\"age\",\"min\":16,\"max\":200},"
                + "{\"type\":\"FIELD_EQUALS\",\"field\":\"residence\",\"value\":\"341300\"}]}");
        assertThat(v1.get("result").get("kind").asString()).isEqualTo("LICENSE");
        assertThat(v1.get("result").get("licenseType").asString()).isEqualTo("SPJYXKZ");
        assertThat(v1.get("steps").toString()).isEqualTo("[{\"name\":\"受理\",\"limitDays\":1},"
                + "{\"name\":\"审查\",\"limitDays\":5},{\"name\":\"决定\",\"limitDays\":4}]");
        assertThat(v1.get("fee").toString()).isEqualTo("{\"free\":true,\"amount\":0,\"basis\":null}");
        assertThat(v1.get("topics").toString()).as("defaults to the item's topics").contains("开办企业");

        // a revision is a new draft version; the public keeps version 1 until it is published
        Map<String, Object> revision = with(with(draft(basicCode, "SCJGJ", "食品经营许可（2026版）"),
                "promisedLimitDays", 8), "steps", List.of(Map.of("name", "受理", "limitDays", 1),
                Map.of("name", "审查", "limitDays", 7)));
        Response revised = api().put("/api/v1/catalog/entries/" + code + "/draft").token(SCJGJ_ADMIN)
                .json(revision).send();
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.json().get("version").asInt()).isEqualTo(2);
        assertThat(api().get("/api/v1/catalog/entries/" + code).send().json().get("version").asInt()).isEqualTo(1);
        assertThat(api().post("/api/v1/catalog/entries/" + code + "/submit").token(SCJGJ_ADMIN).send().status())
                .isEqualTo(200);
        assertThat(api().post("/api/v1/catalog/entries/" + code + "/publish").token(CATALOG_ADMIN).send().status())
                .isEqualTo(200);

        JsonNode current = api().get("/api/v1/catalog/entries/" + code).send().json();
        assertThat(current.get("version").asInt()).isEqualTo(2);
        assertThat(current.get("promisedLimitDays").asInt()).isEqualTo(8);
        // the old version stays readable by number, to anyone, as it was
        JsonNode old = api().get("/api/v1/catalog/entries/" + code + "/versions/1").send().json();
        assertThat(old.get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(old.get("promisedLimitDays").asInt()).isEqualTo(10);
        assertThat(old.get("name").asString()).isEqualTo("食品经营许可");
        assertProblem(api().get("/api/v1/catalog/entries/" + code + "/versions/3").send(), 404, "NOT_FOUND");
        assertThat(api().get("/api/v1/catalog/entries/" + code + "/versions").send().json().get("versions").values())
                .extracting(v -> v.get("version").asInt() + ":" + v.get("status").asString())
                .containsExactly("1:SUPERSEDED", "2:PUBLISHED");

        // suspended: not current, still readable by number; resumed; withdrawn for good
        assertThat(api().post("/api/v1/catalog/entries/" + code + "/suspend").token(CATALOG_ADMIN)
                .json(Map.of("reason", "法规修订，暂停受理")).send().status()).isEqualTo(200);
        assertProblem(api().get("/api/v1/catalog/entries/" + code).send(), 404, "NOT_FOUND");
        assertThat(api().get("/api/v1/catalog/entries/" + code + "/versions/2").send().json().get("status")
                .asString()).isEqualTo("SUSPENDED");
        assertThat(api().post("/api/v1/catalog/entries/" + code + "/resume").token(CATALOG_ADMIN).send().status())
                .isEqualTo(200);
        assertThat(api().get("/api/v1/catalog/entries/" + code).send().json().get("version").asInt()).isEqualTo(2);
        assertThat(api().post("/api/v1/catalog/entries/" + code + "/withdraw").token(CATALOG_ADMIN)
                .json(Map.of("reason", "事项取消")).send().status()).isEqualTo(200);
        assertProblem(api().get("/api/v1/catalog/entries/" + code).send(), 404, "NOT_FOUND");
        assertThat(api().get("/api/v1/catalog/entries/" + code + "/versions/2").send().json().get("status")
                .asString()).isEqualTo("WITHDRAWN");
        Response again = api().post("/api/v1/catalog/entries/" + code + "/resume").token(CATALOG_ADMIN).send();
        assertProblem(again, 409, "ILLEGAL_STATE_TRANSITION");
        assertThat(again.json().get("currentState").asString()).isEqualTo("WITHDRAWN");

        // every change was published, in order, keyed by the implementation code, as its contract says
        try (TopicReader topic = TopicReader.fromBeginning(TOPIC)) {
            List<JsonNode> events = topic.awaitEvents(code, 5, Duration.ofSeconds(30));
            assertThat(events).extracting(e -> e.get("type").asString()).containsExactly("item.published",
                    "item.revised", "item.suspended", "item.published", "item.withdrawn");
            assertThat(events).extracting(e -> e.get("sequence").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
            for (JsonNode event : events) {
                assertThat(JsonSchema.forEvent(event.get("type").asString()).violations(event)).as(event.toString())
                        .isEmpty();
            }
            assertThat(events.get(1).get("data").get("previousVersion").asInt()).isEqualTo(1);
            assertThat(events.get(1).get("data").get("promisedLimitDays").asInt()).isEqualTo(8);
            assertThat(events.get(3).get("data").get("resumed").asBoolean()).isTrue();
            assertThat(events.get(4).get("data").get("reason").asString()).isEqualTo("事项取消");
        }
    }

    @Test
    void everyRoleRule() {
        String basicCode = item(api(), "QR", "户口登记（测试）", List.of("户籍"));
        Map<String, Object> body = draft(basicCode, "SCJGJ", "角色测试");
        assertProblem(api().post("/api/v1/catalog/entries").json(body).send(), 401, "UNAUTHENTICATED");
        assertProblem(api().post("/api/v1/catalog/entries").token(CITIZEN).json(body).send(), 403, "FORBIDDEN");
        assertProblem(api().post("/api/v1/catalog/entries").token(SCJGJ_OFFICER).json(body).send(), 403,
                "FORBIDDEN");
        // a department admin cannot draft for another department
        assertProblem(api().post("/api/v1/catalog/entries").token(GAJ_ADMIN).json(body).send(), 403, "FORBIDDEN");
        Response created = api().post("/api/v1/catalog/entries").token(SCJGJ_ADMIN).json(body).send();
        assertThat(created.status()).isEqualTo(201);
        String code = created.json().get("implementationCode").asString();
        assertProblem(api().put("/api/v1/catalog/entries/" + code + "/draft").token(GAJ_ADMIN).json(body).send(),
                403, "FORBIDDEN");
        assertProblem(api().put("/api/v1/catalog/entries/" + code + "/draft").token(SCJGJ_OFFICER).json(body)
                .send(), 403, "FORBIDDEN");
        // a catalog admin drafts for any department
        assertThat(api().put("/api/v1/catalog/entries/" + code + "/draft").token(CATALOG_ADMIN).json(body).send()
                .status()).isEqualTo(200);
        // publishing: a reviewer who is not an author (here a second catalog admin); suspending, withdrawing:
        // catalog admins only
        assertThat(api().post("/api/v1/catalog/entries/" + code + "/submit").token(SCJGJ_ADMIN).send().status())
                .isEqualTo(200);
        assertProblem(api().post("/api/v1/catalog/entries/" + code + "/publish").token(SCJGJ_ADMIN).send(), 403,
                "FORBIDDEN");
        assertProblem(api().post("/api/v1/catalog/entries/" + code + "/publish").token(SCJGJ_OFFICER).send(), 403,
                "FORBIDDEN");
        assertProblem(api().post("/api/v1/catalog/entries/" + code + "/publish").send(), 401, "UNAUTHENTICATED");
        assertThat(api().post("/api/v1/catalog/entries/" + code + "/publish").token(CATALOG_ADMIN_2).send().status())
                .isEqualTo(200);
        assertProblem(api().post("/api/v1/catalog/entries/" + code + "/suspend").token(SCJGJ_ADMIN)
                .json(Map.of("reason", "x")).send(), 403, "FORBIDDEN");
        assertProblem(api().post("/api/v1/catalog/entries/" + code + "/withdraw").token(SCJGJ_ADMIN)
                .json(Map.of("reason", "x")).send(), 403, "FORBIDDEN");

        // the open draft is for the department's staff and catalog admins; others cannot tell it exists
        api().put("/api/v1/catalog/entries/" + code + "/draft").token(SCJGJ_ADMIN).json(body).send();
        assertThat(api().get("/api/v1/catalog/entries/" + code + "/draft").token(SCJGJ_OFFICER).send().status())
                .isEqualTo(200);
        assertProblem(api().get("/api/v1/catalog/entries/" + code + "/draft").token(GAJ_OFFICER).send(), 404,
                "NOT_FOUND");
        assertProblem(api().get("/api/v1/catalog/entries/" + code + "/draft").send(), 401, "UNAUTHENTICATED");
        assertProblem(api().get("/api/v1/catalog/entries/" + code + "/versions/2").send(), 404, "NOT_FOUND");
        assertThat(api().get("/api/v1/catalog/entries/" + code + "/versions").send().json().get("versions").size())
                .as("the public sees only published versions").isEqualTo(1);

        // staff lists: own department only, unless catalog admin or auditor
        JsonNode own = api().get("/api/v1/catalog/entries?size=100").token(SCJGJ_OFFICER).send().json();
        assertThat(own.get("content").values()).isNotEmpty()
                .allMatch(e -> e.get("departmentCode").asString().equals("SCJGJ"));
        assertProblem(api().get("/api/v1/catalog/entries?department=GAJ").token(SCJGJ_OFFICER).send(), 403,
                "FORBIDDEN");
        assertProblem(api().get("/api/v1/catalog/entries").token(CITIZEN).send(), 403, "FORBIDDEN");
        assertProblem(api().get("/api/v1/catalog/entries").send(), 401, "UNAUTHENTICATED");
        assertThat(api().get("/api/v1/catalog/entries?department=SCJGJ&status=PUBLISHED&size=100")
                .token(AUDITOR).send().json().get("content").values())
                .anyMatch(e -> e.get("implementationCode").asString().equals(code)
                        && e.get("draftVersion").asInt() == 2);
    }

    @Test
    void invalidInputIs400ProblemJson() {
        String basicCode = item(api(), "XK", "校验测试", List.of());
        Map<String, Object> good = draft(basicCode, "SCJGJ", "校验测试");

        Response badCode = api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(good, "basicCode", "XX00105000")).send();
        assertProblem(badCode, 400, "VALIDATION_FAILED");
        assertThat(badCode.json().get("errors").get(0).get("field").asString()).isEqualTo("basicCode");
        assertProblem(api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(good, "basicCode", "XK0010500")).send(), 400, "VALIDATION_FAILED");
        assertProblem(api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(good, "basicCode", "GG99999999")).send(), 400, "UNKNOWN_ITEM");
        assertProblem(api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(good, "departmentCode", "NOSUCHDEPT")).send(), 400, "UNKNOWN_DEPARTMENT");
        assertProblem(api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(good, "promisedLimitDays", 21)).send(), 400, "PROMISED_EXCEEDS_STATUTORY");
        Response unknown = api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(good, "approvedBy", "me")).send();
        assertProblem(unknown, 400, "UNKNOWN_FIELD");
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("approvedBy");
        Response nestedUnknown = api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(good, "fee", Map.of("free", true, "currency", "CNY"))).send();
        assertProblem(nestedUnknown, 400, "UNKNOWN_FIELD");

        Response longName = api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(good, "name", "名".repeat(201))).send();
        assertProblem(longName, 400, "VALIDATION_FAILED");
        assertThat(longName.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        Response longDescription = api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(good, "description", "述".repeat(4001))).send();
        assertProblem(longDescription, 400, "VALIDATION_FAILED");
        assertThat(longDescription.json().get("errors").get(0).get("field").asString()).isEqualTo("description");
        assertThat(api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(with(good, "name", "名".repeat(200)), "description", "述".repeat(4000))).send().status())
                .as("the limits themselves are allowed").isEqualTo(201);

        Response depth = api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(with(good, "onlineDepth", 5), "visits", 3)).send();
        assertProblem(depth, 400, "VALIDATION_FAILED");
        assertThat(depth.json().get("errors").values()).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("onlineDepth", "visits");
        Response license = api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(good, "materials", List.of(dev.onewindow.catalog.Fixtures.material("M01", "营业执照", true,
                        List.of("yyzz"))))).send();
        assertProblem(license, 400, "VALIDATION_FAILED");
        assertThat(license.json().get("errors").get(0).get("field").asString())
                .startsWith("materials[0].acceptedLicenseTypes");
        Response rules = api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(good, "autoApproval", Map.of("enabled", true, "ruleSetVersion", "1", "rules",
                        List.of(Map.of("type", "FIELD_RANGE", "field", "age"))))).send();
        assertProblem(rules, 400, "INVALID_ENTRY");
        assertProblem(api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(good, "result", Map.of("kind", "LICENSE"))).send(), 400, "INVALID_ENTRY");
        assertProblem(api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(good, "result", Map.of("kind", "PAPER"))).send(), 400, "INVALID_VALUE");
        assertProblem(api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(good, "steps", List.of())).send(), 400, "VALIDATION_FAILED");

        Map<String, Object> other = draft(item(api(), "XK", "重复测试", List.of()), "SCJGJ", "重复测试");
        assertThat(api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN).json(other).send().status())
                .isEqualTo(201);
        assertProblem(api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN).json(other).send(), 409,
                "ENTRY_EXISTS");
        String code = other.get("basicCode") + "341300SCJGJ";
        assertProblem(api().put("/api/v1/catalog/entries/" + code + "/draft").token(CATALOG_ADMIN)
                .header("If-Match", "\"abc\"").json(other).send(), 400, "INVALID_IF_MATCH");
        assertProblem(api().put("/api/v1/catalog/entries/" + code + "/draft").token(CATALOG_ADMIN)
                .json(with(other, "departmentCode", "GAJ")).send(), 400, "IDENTITY_MISMATCH");
        assertProblem(api().put("/api/v1/catalog/entries/XK99999999341300SCJGJ/draft").token(CATALOG_ADMIN)
                .json(other).send(), 404, "NOT_FOUND");
    }

    @Test
    void concurrentEditsOfOneDraftLetExactlyOneWin() throws Exception {
        Map<String, Object> body = draft(item(api(), "XK", "并发测试", List.of()), "SCJGJ", "并发测试");
        Response created = api().post("/api/v1/catalog/entries").token(SCJGJ_ADMIN).json(body).send();
        String code = created.json().get("implementationCode").asString();
        String etag = api().get("/api/v1/catalog/entries/" + code + "/draft").token(SCJGJ_ADMIN).send()
                .header("ETag");
        assertThat(etag).isEqualTo(created.header("ETag"));

        // three editors read the same revision and save at the same moment
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        List<CompletableFuture<Response>> racers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = "并发测试 编辑" + i;
            String editor = i % 2 == 0 ? SCJGJ_ADMIN : CATALOG_ADMIN;
            racers.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return api().put("/api/v1/catalog/entries/" + code + "/draft").token(editor)
                        .header("If-Match", etag).json(with(body, "name", name)).send();
            }, threads));
        }
        start.countDown();
        List<Response> responses = racers.stream().map(CompletableFuture::join).toList();
        threads.shutdown();
        assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(200, 409, 409);
        responses.stream().filter(r -> r.status() == 409).forEach(r -> assertProblem(r, 409, "CONCURRENT_UPDATE"));
        Response winner = responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        JsonNode stored = api().get("/api/v1/catalog/entries/" + code + "/draft").token(SCJGJ_ADMIN).send().json();
        assertThat(stored.get("name").asString()).isEqualTo(winner.json().get("name").asString());

        // a submission or a publication based on a stale revision loses too; with the fresh one it wins
        assertProblem(api().post("/api/v1/catalog/entries/" + code + "/submit").token(SCJGJ_ADMIN)
                .header("If-Match", etag).send(), 409, "CONCURRENT_UPDATE");
        Response submitted = api().post("/api/v1/catalog/entries/" + code + "/submit").token(SCJGJ_ADMIN)
                .header("If-Match", winner.header("ETag")).send();
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertProblem(api().post("/api/v1/catalog/entries/" + code + "/publish").token(CATALOG_ADMIN_2)
                .header("If-Match", winner.header("ETag")).send(), 409, "CONCURRENT_UPDATE");
        assertThat(api().post("/api/v1/catalog/entries/" + code + "/publish").token(CATALOG_ADMIN_2)
                .header("If-Match", submitted.header("ETag")).send().status()).isEqualTo(200);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
