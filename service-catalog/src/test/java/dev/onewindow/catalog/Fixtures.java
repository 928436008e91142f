package dev.onewindow.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.TokenMinter;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens, request bodies and assertions shared by the catalog's HTTP tests. */
public final class Fixtures {

    public static final TokenMinter TOKENS = TokenMinter.shared();
    public static final String CATALOG_ADMIN = TOKENS.user("catalogadmin1", "catalog-admin").dept("SJZYJ")
            .region("341300").mint();
    /** A second catalog admin: reviews and publishes what {@link #CATALOG_ADMIN} drafted (审核发布). */
    public static final String CATALOG_ADMIN_2 = TOKENS.user("catalogadmin2", "catalog-admin").dept("SJZYJ")
            .region("341300").mint();
    /** Reviewers (审核) of a department: review entry versions of their own department. */
    public static final String SCJGJ_REVIEWER = TOKENS.user("reviewer1", "reviewer").dept("SCJGJ").region("341300")
            .mint();
    public static final String GAJ_REVIEWER = TOKENS.user("reviewer3", "reviewer").dept("GAJ").region("341300")
            .mint();
    public static final String SCJGJ_ADMIN = TOKENS.user("deptadmin1", "dept-admin").dept("SCJGJ").region("341300")
            .mint();
    public static final String GAJ_ADMIN = TOKENS.user("deptadmin2", "dept-admin").dept("GAJ").region("341300")
            .mint();
    public static final String SCJGJ_OFFICER = TOKENS.user("officer1", "window-officer").dept("SCJGJ")
            .region("341300").mint();
    public static final String GAJ_OFFICER = TOKENS.user("officer3", "window-officer").dept("GAJ").region("341300")
            .mint();
    public static final String CITIZEN = TOKENS.user("citizen1", "citizen").mint();
    public static final String AUDITOR = TOKENS.user("auditor1", "auditor").dept("SJZYJ").region("341300").mint();

    private Fixtures() {
    }

    /** The departments the tests draft for (idempotent: an existing department is left as it is). */
    public static void departments(ApiClient api) {
        for (String[] d : new String[][] {{"SCJGJ", "宿州市市场监督管理局", "341300"}, {"GAJ", "宿州市公安局", "341300"},
                {"WSJKW", "宿州市卫生健康委员会", "341300"}, {"RSJ", "宿州市人力资源和社会保障局", "341300"},
                {"YQSCJGJ", "宿州市埇桥区市场监督管理局", "341302"}}) {
            Response r = api.post("/api/v1/catalog/departments").token(CATALOG_ADMIN)
                    .json(Map.of("code", d[0], "name", d[1], "region", d[2])).send();
            assertThat(r.status()).as(r.toString()).isIn(201, 409);
        }
    }

    /** A fresh basic code in a range the demo data does not use (main item 50000-99999). */
    public static String newBasicCode(String type) {
        return type + ThreadLocalRandom.current().nextInt(50_000, 100_000)
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
    }

    /** A word of rare CJK characters no other test or demo entry contains, to search for. */
    public static String uniqueWord(int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            // CJK Unified Ideographs Extension A: real letters to the normaliser, absent from ordinary text
            word.appendCodePoint(0x3400 + ThreadLocalRandom.current().nextInt(0x19B5));
        }
        return word.toString();
    }

    /** Defines a service item as the catalog admin and returns its basic code. */
    public static String item(ApiClient api, String type, String name, List<String> lifeEvents) {
        String code = newBasicCode(type);
        Response r = api.post("/api/v1/catalog/service-items").token(CATALOG_ADMIN).json(Map.of("basicCode", code,
                "name", name, "legalBasis", "《中华人民共和国行政许可法》", "applicantTypes", List.of("NATURAL_PERSON",
                        "LEGAL_PERSON"), "lifeEvents", lifeEvents, "enterpriseTopics", List.of("开办企业"))).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return code;
    }

    /** A complete, valid draft body (a food-business-style licence); tests change what they exercise. */
    public static Map<String, Object> draft(String basicCode, String department, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("basicCode", basicCode);
        body.put("departmentCode", department);
        body.put("name", name);
        body.put("description", "申请人应当先行取得营业执照等合法主体资格，在宿州市从事食品销售和餐饮服务活动的，应当依法取得许可。");
        body.put("acceptanceConditions", "已取得营业执照；具有与经营相适应的场所。");
        body.put("materials", new ArrayList<>(List.of(
                material("M01", "申请书", true, List.of()),
                material("M02", "营业执照", true, List.of("YYZZ")),
                Map.of("code", "M03", "name", "授权委托书", "required", false, "condition", "委托他人办理时提交",
                        "originals", 1, "copies", 0, "acceptedLicenseTypes", List.of()))));
        body.put("statutoryLimitDays", 20);
        body.put("promisedLimitDays", 10);
        body.put("fee", feeFree());
        body.put("onlineDepth", 4);
        body.put("visits", 0);
        body.put("crossProvince", false);
        body.put("proactive", false);
        body.put("autoApproval", Map.of("enabled", true, "ruleSetVersion", "2026-1", "rules", List.of(
                Map.of("type", "LICENSE_VALID", "licenseType", "JMSFZ"),
                Map.of("type", "FIELD_RANGE", "field", "age", "min", 16, "max", 200),
                Map.of("type", "FIELD_EQUALS", "field", "residence", "value", "341300"))));
        body.put("result", Map.of("kind", "LICENSE", "licenseType", "SPJYXKZ"));
        body.put("steps", List.of(Map.of("name", "受理", "limitDays", 1), Map.of("name", "审查", "limitDays", 5),
                Map.of("name", "决定", "limitDays", 4)));
        return body;
    }

    public static Map<String, Object> material(String code, String name, boolean required, List<String> licenses) {
        return Map.of("code", code, "name", name, "required", required, "originals", 0, "copies", 1,
                "acceptedLicenseTypes", licenses);
    }

    private static Map<String, Object> feeFree() {
        Map<String, Object> fee = new LinkedHashMap<>();
        fee.put("free", true);
        fee.put("amount", 0);
        fee.put("basis", null);
        return fee;
    }

    public static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    /**
     * Creates a draft as the catalog admin and has it reviewed and published by the second one; returns the
     * implementation code.
     */
    public static String published(ApiClient api, Map<String, Object> draft) {
        Response created = api.post("/api/v1/catalog/entries").token(CATALOG_ADMIN).json(draft).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String code = created.json().get("implementationCode").asString();
        publish(api, code);
        return code;
    }

    /**
     * The open draft of an entry submitted for review by the catalog admin and published by the second one, who
     * drafted none of it (审核发布); returns the publication's answer.
     */
    public static Response publish(ApiClient api, String code) {
        Response submitted = api.post("/api/v1/catalog/entries/" + code + "/submit").token(CATALOG_ADMIN).send();
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        Response published = api.post("/api/v1/catalog/entries/" + code + "/publish").token(CATALOG_ADMIN_2).send();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return published;
    }

    public static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).as(response.toString()).isEqualTo(code);
        assertThat(response.json().get("traceId")).as(response.toString()).isNotNull();
    }
}
