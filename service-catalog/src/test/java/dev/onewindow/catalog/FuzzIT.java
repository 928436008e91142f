package dev.onewindow.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.ApiFuzzer;
import dev.onewindow.platform.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static dev.onewindow.catalog.Fixtures.TOKENS;
import static dev.onewindow.catalog.Fixtures.draft;
import static dev.onewindow.catalog.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's fuzz suite over every operation of the catalog's OpenAPI document: hostile paths, queries,
 * headers and bodies from a catalog admin who drafted none of the records (another one did, so the review
 * operations — submit, return, publish — reach their rules); no 5xx, every 4xx a problem with a code, and a record
 * no accepted request touched reads the same afterwards. Its records are its own (a department, items, entries, a bundle and a
 * calendar year no other test uses), so it disturbs nothing the other tests expect.
 *
 * <p>{@code {code}} names a department, an entry and a bundle in different paths while the fuzzer takes one value
 * per variable: the document is fuzzed in three parts, each with {@code code} pointing at a real record of its kind.
 */
@IntegrationTest
class FuzzIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REGION = "341300";
    /** A year of the calendar's range that no other test maintains. */
    private static final String YEAR = "2199";

    @LocalServerPort
    int port;

    @Test
    void hostileInputToEveryOperationGetsA4xxProblemAndChangesNothing() {
        ApiClient api = ApiClient.localPort(port);
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        String department = "FZ" + suffix;
        String admin = TOKENS.user("fuzzadmin", "catalog-admin").dept(department).region(REGION).mint();
        // the records are drafted by another catalog admin, so the fuzzing one may review and publish them (审核发布)
        String author = TOKENS.user("fuzzauthor", "catalog-admin").dept(department).region(REGION).mint();

        // the records the path values name
        created(api.post("/api/v1/catalog/departments").token(admin)
                .json(Map.of("code", department, "name", "模糊测试局", "region", REGION)).send());
        String item = item(api, admin);
        String entry = entry(api, author, item, department);
        publish(api, author, admin, entry);
        ok(api.put("/api/v1/catalog/entries/" + entry + "/draft").token(author)
                .json(draft(null, null, "模糊测试事项（修订）")).send()); // version 2 in draft
        String member1 = entry(api, author, item(api, admin), department);
        publish(api, author, admin, member1);
        String member2 = entry(api, author, item(api, admin), department);
        publish(api, author, admin, member2);
        String bundle = "FZB" + suffix;
        created(api.post("/api/v1/catalog/bundles").token(author).json(Map.of("code", bundle, "name", "模糊测试一件事",
                "leadDepartment", department, "members", List.of(member1, member2))).send());
        ok(api.put("/api/v1/catalog/calendar/years/" + YEAR).token(admin)
                .json(Map.of("holidays", List.of(YEAR + "-01-02"), "makeUpWorkingDays", List.of())).send());

        // valid bodies for the writes, so their mutations reach the domain's rules
        String newItem = Fixtures.newBasicCode("QT");
        String newEntryItem = item(api, admin);
        String newDepartment = "FZN" + suffix;
        String newBundle = "FZC" + suffix;
        JsonNode doc = api.get("/v3/api-docs").send().json();
        long started = System.nanoTime();
        ApiFuzzer.Report entries = fuzzer(api, only(doc, path -> !path.startsWith("/api/v1/catalog/departments/{")
                && !path.startsWith("/api/v1/catalog/bundles/{")), admin, entry)
                .body("POST /api/v1/catalog/departments", () -> json(Map.of("code", newDepartment, "name", "新局",
                        "region", REGION)))
                .body("POST /api/v1/catalog/service-items", () -> json(Map.of("basicCode", newItem, "name", "新事项",
                        "legalBasis", "《条例》", "applicantTypes", List.of("NATURAL_PERSON"), "lifeEvents", List.of(),
                        "enterpriseTopics", List.of())))
                .body("PUT /api/v1/catalog/service-items/{basicCode}", () -> json(Map.of("name", "模糊测试事项",
                        "legalBasis", "《条例》\n第二条", "applicantTypes", List.of("LEGAL_PERSON"))))
                .body("POST /api/v1/catalog/entries", () -> json(withForm(draft(newEntryItem, department,
                        "新实施清单"))))
                .body("PUT /api/v1/catalog/entries/{code}/draft", () -> json(withForm(draft(null, null,
                        "模糊测试事项（修订）"))))
                .body("POST /api/v1/catalog/entries/{code}/return", () -> json(Map.of("comment", "退回修改")))
                .body("POST /api/v1/catalog/entries/{code}/suspend", () -> json(Map.of("reason", "整改")))
                .body("POST /api/v1/catalog/entries/{code}/withdraw", () -> json(Map.of("reason", "取消")))
                .body("PUT /api/v1/catalog/calendar/years/{year}", () -> json(Map.of("holidays",
                        List.of(YEAR + "-01-02"), "makeUpWorkingDays", List.of(YEAR + "-01-04"))))
                .pathValue("basicCode", item).pathValue("version", "2").pathValue("date", "2026-02-14")
                .pathValue("year", YEAR)
                .run();
        ApiFuzzer.Report bundles = fuzzer(api, only(doc, path -> path.startsWith("/api/v1/catalog/bundles/{")),
                admin, bundle)
                .body("POST /api/v1/catalog/bundles/{code}/return", () -> json(Map.of("comment", "退回修改")))
                .run();
        ApiFuzzer.Report departments = fuzzer(api, only(doc, path -> path.startsWith(
                "/api/v1/catalog/departments/{")), admin, department)
                .run();
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        ApiFuzzer.Report report = entries.plus(bundles).plus(departments);
        System.out.println("[fuzz] service-catalog: " + report + " in " + seconds + " s");
        report.perOperation().forEach((operation, requests) -> System.out.println("[fuzz]   " + operation + ": "
                + requests));
        assertThat(report.operations()).isEqualTo(doc.path("paths").properties().stream()
                .mapToInt(p -> p.getValue().size()).sum());
        assertThat(report.requests()).isGreaterThan(1_000);
    }

    private static ApiFuzzer fuzzer(ApiClient api, JsonNode doc, String caller, String code) {
        return ApiFuzzer.of(api, doc).caller(caller).pathValue("code", code);
    }

    /** The document with only the paths {@code keep} accepts (components stay for the references). */
    private static JsonNode only(JsonNode doc, Predicate<String> keep) {
        ObjectNode copy = (ObjectNode) doc.deepCopy();
        ObjectNode paths = JSON.createObjectNode();
        doc.path("paths").properties().stream().filter(p -> keep.test(p.getKey()))
                .forEach(p -> paths.set(p.getKey(), p.getValue()));
        copy.set("paths", paths);
        return copy;
    }

    private static String item(ApiClient api, String admin) {
        String code = Fixtures.newBasicCode("QT");
        created(api.post("/api/v1/catalog/service-items").token(admin).json(Map.of("basicCode", code,
                "name", "模糊测试事项", "applicantTypes", List.of("NATURAL_PERSON", "LEGAL_PERSON"))).send());
        return code;
    }

    private static String entry(ApiClient api, String admin, String item, String department) {
        return created(api.post("/api/v1/catalog/entries").token(admin)
                .json(with(draft(item, department, "模糊测试事项"), "topics", List.of("模糊测试"))).send())
                .json().get("implementationCode").asString();
    }

    /** Submitted for review by its author and published by the other catalog admin. */
    private static void publish(ApiClient api, String author, String reviewer, String entry) {
        ok(api.post("/api/v1/catalog/entries/" + entry + "/submit").token(author).send());
        ok(api.post("/api/v1/catalog/entries/" + entry + "/publish").token(reviewer).send());
    }

    /** A body with an application form, so its fields are fuzzed too. */
    private static Map<String, Object> withForm(Map<String, Object> draft) {
        return with(draft, "formFields", List.of(Map.of("name", "idNumber", "label", "身份证号", "personal", true,
                "required", true), Map.of("name", "purpose", "label", "用途", "personal", false)));
    }

    private static String json(Object body) {
        return JSON.writeValueAsString(body);
    }

    private static Response created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
