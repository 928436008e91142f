package dev.onewindow.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.onewindow.catalog.Fixtures.CATALOG_ADMIN;
import static dev.onewindow.catalog.Fixtures.assertProblem;
import static dev.onewindow.catalog.Fixtures.draft;
import static dev.onewindow.catalog.Fixtures.item;
import static dev.onewindow.catalog.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile client gets from the catalog: a 400 problem+json with a code, never a 5xx, never Tomcat's HTML,
 * and nothing stored. Public reads with undecodable parameters or dates beyond the calendar's range, non-ASCII
 * {@code If-Match} headers as a client writes them on the wire, control and bidirectional characters in names
 * (line breaks only in the multi-line texts), enum ordinals and pages past the last one.
 */
@IntegrationTest
class HostileInputIT extends CatalogApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();


    // ------------------------------------------------------------------------------------- public reads, anonymous

    @Test
    void searchRefusesAKeywordThatIsNotUtf8() {
        for (String q : List.of("%FF", "%C0%AF", "%ED%A0%80")) {
            assertProblem(api().get("/api/v1/catalog/items?q=" + q).send(), 400, "INVALID_ENCODING");
        }
        assertProblem(api().get("/api/v1/catalog/items?q=a%00b").send(), 400, "INVALID_TEXT");
        assertProblem(api().get("/api/v1/catalog/items?q=%E2%80%AE1").send(), 400, "INVALID_TEXT");
        assertThat(api().get("/api/v1/catalog/items?q=" + enc("营业执照")).send().status()).isEqualTo(200);
    }

    @Test
    void theCalendarAnswersOnlyDatesWithinItsRange() {
        // the year -999999999 … +999999999 extremes LocalDate takes: refused, not an overflow
        for (String from : List.of("%2B999999999-12-31", "-999999999-01-01")) {
            assertProblem(api().get("/api/v1/catalog/calendar/count?from=" + from + "&to=2026-01-01").send(), 400,
                    "DATE_OUT_OF_RANGE");
            assertProblem(api().get("/api/v1/catalog/calendar/count?from=2026-01-01&to=" + from).send(), 400,
                    "DATE_OUT_OF_RANGE");
            assertProblem(api().get("/api/v1/catalog/calendar/add?from=" + from + "&workingDays=1").send(), 400,
                    "DATE_OUT_OF_RANGE");
            assertProblem(api().get("/api/v1/catalog/calendar/days/" + from).send(), 400, "DATE_OUT_OF_RANGE");
        }
        // '+' in a query is a space: not a date at all
        assertProblem(api().get("/api/v1/catalog/calendar/count?from=+999999999-12-31&to=2026-01-01").send(), 400,
                "INVALID_PARAMETER");
        // a start within the range whose answer would fall past it
        assertProblem(api().get("/api/v1/catalog/calendar/add?from=9999-12-31&workingDays=1").send(), 400,
                "DATE_OUT_OF_RANGE");
        assertProblem(api().get("/api/v1/catalog/calendar/add?from=2200-12-28&workingDays=10").send(), 400,
                "DATE_OUT_OF_RANGE");
        assertProblem(api().get("/api/v1/catalog/calendar/add?from=2200-12-31&workingDays=1").send(), 400,
                "DATE_OUT_OF_RANGE");
        assertProblem(api().get("/api/v1/catalog/calendar/days/1899-12-31").send(), 400, "DATE_OUT_OF_RANGE");
        assertProblem(api().get("/api/v1/catalog/calendar/days/2201-01-01").send(), 400, "DATE_OUT_OF_RANGE");

        // the edges themselves are answered
        assertThat(api().get("/api/v1/catalog/calendar/days/1900-01-01").send().rawBody())
                .isEqualTo("{\"date\":\"1900-01-01\",\"workingDay\":true}");
        assertThat(api().get("/api/v1/catalog/calendar/add?from=2200-12-28&workingDays=3").send().json()
                .get("date").asString()).isEqualTo("2200-12-31");
        assertThat(api().get("/api/v1/catalog/calendar/count?from=2190-12-31&to=2200-12-31").send().json()
                .get("workingDays").asInt()).isPositive();
        assertThat(api().get("/api/v1/catalog/calendar/count?from=2200-12-31&to=1900-01-01").send().json()
                .get("workingDays").asInt()).isZero();
    }

    // --------------------------------------------------------------------------------------- headers and the path

    @Test
    void aNonAsciiIfMatchIsAClientErrorOnEveryWriteThatReadsIt() throws IOException {
        String code = Fixtures.published(api(), draft(item(api(), "XK", "许可（标头测试）", List.of()), "SCJGJ",
                "许可（标头测试）"));
        String body = JSON.writeValueAsString(draft(null, null, "许可（标头测试，修订）"));
        for (String[] write : new String[][] {
                {"POST", "/api/v1/catalog/entries/" + code + "/publish", ""},
                {"POST", "/api/v1/catalog/entries/" + code + "/resume", ""},
                {"PUT", "/api/v1/catalog/entries/" + code + "/draft", body},
                {"POST", "/api/v1/catalog/bundles/NOSUCHBUNDLE/publish", ""}}) {
            // U+202E then "1" as the UTF-8 bytes curl sends
            String answer = raw(write[0], write[1], CATALOG_ADMIN, "If-Match: \u00E2\u0080\u00AE1\r\n", write[2]);
            assertThat(answer).as(write[1]).startsWith("HTTP/1.1 400").contains("application/problem+json")
                    .contains("\"code\":\"INVALID_HEADER\"");
        }
        assertThat(api().get("/api/v1/catalog/entries/" + code + "/versions").send().json().get("versions").size())
                .isEqualTo(1);
        // an entity tag is digits only: a sign is no revision either
        assertProblem(api().post("/api/v1/catalog/entries/" + code + "/resume").token(CATALOG_ADMIN)
                .header("If-Match", "\"+1\"").send(), 400, "INVALID_IF_MATCH");
    }

    @Test
    void anInvalidEscapeInThePathIsAProblemNotTomcatsPage() throws IOException {
        String answer = raw("GET", "/api/v1/catalog/entries/%ff", null, "", "");
        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"code\":\"MALFORMED_REQUEST\"").doesNotContainIgnoringCase("<html");
        assertProblem(api().get("/api/v1/catalog/entries/%E2%80%AE").send(), 400, "INVALID_TEXT");
    }

    // ----------------------------------------------------------------------------------------------- body hygiene

    @Test
    void namesAreSingleLinePlainTextAndNothingHostileIsStored() {
        String basicCode = Fixtures.newBasicCode("XK");
        Map<String, Object> definition = new LinkedHashMap<>(Map.of("basicCode", basicCode, "name", "a\u0000b",
                "applicantTypes", List.of("NATURAL_PERSON")));
        assertTextRefused(api().post("/api/v1/catalog/service-items").token(CATALOG_ADMIN).json(definition).send(),
                "name");
        assertTextRefused(api().post("/api/v1/catalog/service-items").token(CATALOG_ADMIN)
                .json(with(with(definition, "name", "许可"), "legalBasis", "《法》\u202Eabc")).send(), "legalBasis");
        assertProblem(api().get("/api/v1/catalog/service-items/" + basicCode).send(), 404, "NOT_FOUND");

        String itemCode = item(api(), "XK", "许可（文本测试）", List.of());
        String entry = itemCode + "341300SCJGJ";
        Map<String, Object> valid = draft(itemCode, "SCJGJ", "许可（文本测试）");
        assertTextRefused(api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(valid, "name", "许可\u202Eexe.pdf")).send(), "name");
        assertTextRefused(api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(valid, "name", "许可\n第二行")).send(), "name");
        assertTextRefused(api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(valid, "description", "说明\u0000")).send(), "description");
        assertTextRefused(api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(valid, "steps", List.of(Map.of("name", "受\u2066理", "limitDays", 1)))).send(),
                "steps[0].name");
        assertProblem(api().get("/api/v1/catalog/entries/" + entry + "/draft").token(CATALOG_ADMIN).send(), 404,
                "NOT_FOUND");

        // the multi-line texts take line breaks (and tabs), nothing else of the kind
        Response created = api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN).json(with(with(valid,
                "description", "第一段。\r\n第二段：\t说明。"), "acceptanceConditions", "一、已取得营业执照；\n二、有场所。"))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("description").asString()).isEqualTo("第一段。\r\n第二段：\t说明。");
        assertTextRefused(api().put("/api/v1/catalog/entries/" + entry + "/draft").token(CATALOG_ADMIN)
                .json(with(valid, "acceptanceConditions", "条件\u202E")).send(), "acceptanceConditions");
        assertThat(api().get("/api/v1/catalog/entries/" + entry + "/draft").token(CATALOG_ADMIN).send().json()
                .get("acceptanceConditions").asString()).isEqualTo("一、已取得营业执照；\n二、有场所。");
        Fixtures.publish(api(), entry);
        assertTextRefused(api().post("/api/v1/catalog/entries/" + entry + "/suspend").token(CATALOG_ADMIN)
                .json(Map.of("reason", "整改\u0007")).send(), "reason");
        Response suspended = api().post("/api/v1/catalog/entries/" + entry + "/suspend").token(CATALOG_ADMIN)
                .json(Map.of("reason", "依法整改：\n一、场所变更")).send();
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);

        assertTextRefused(api().post("/api/v1/catalog/departments").token(CATALOG_ADMIN)
                .json(Map.of("code", "HOSTILE1", "name", "局\u202E", "region", "341300")).send(), "name");
        assertProblem(api().get("/api/v1/catalog/departments/HOSTILE1").send(), 404, "NOT_FOUND");
        assertTextRefused(api().post("/api/v1/catalog/bundles").token(CATALOG_ADMIN).json(Map.of("code", "HOSTILE1",
                "name", "一件事\u0000", "leadDepartment", "SCJGJ", "members", List.of(entry, entry))).send(), "name");
        assertProblem(api().get("/api/v1/catalog/bundles/HOSTILE1").token(CATALOG_ADMIN).send(), 404, "NOT_FOUND");
    }

    @Test
    void enumsAreTakenByTheirNamesOnly() {
        String basicCode = Fixtures.newBasicCode("XK");
        assertProblem(api().post("/api/v1/catalog/service-items").token(CATALOG_ADMIN).json(Map.of("basicCode",
                basicCode, "name", "许可", "applicantTypes", List.of(0))).send(), 400, "INVALID_VALUE");
        assertProblem(api().get("/api/v1/catalog/service-items/" + basicCode).send(), 404, "NOT_FOUND");

        String itemCode = item(api(), "XK", "许可（枚举测试）", List.of());
        Map<String, Object> valid = draft(itemCode, "SCJGJ", "许可（枚举测试）");
        assertProblem(api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(valid, "result", Map.of("kind", 1))).send(), 400, "INVALID_VALUE");
        assertProblem(api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(valid, "autoApproval", Map.of("enabled", true, "ruleSetVersion", "1",
                        "rules", List.of(Map.of("type", 0, "licenseType", "JMSFZ"))))).send(), 400, "INVALID_VALUE");
        assertProblem(api().get("/api/v1/catalog/entries/" + itemCode + "341300SCJGJ/draft").token(CATALOG_ADMIN)
                .send(), 404, "NOT_FOUND");
        assertProblem(api().get("/api/v1/catalog/items?itemType=0").send(), 400, "INVALID_PARAMETER");
        assertProblem(api().get("/api/v1/catalog/entries?status=1").token(CATALOG_ADMIN).send(), 400,
                "INVALID_PARAMETER");
    }

    @Test
    void theBoundsOfAnAutoApprovalRuleAreNumbersTheCatalogCanStore() {
        String itemCode = item(api(), "XK", "许可（数值测试）", List.of());
        Map<String, Object> valid = draft(itemCode, "SCJGJ", "许可（数值测试）");
        // beyond Decimal128 (34 digits, exponent ±6143), or so large that writing it out never ends
        for (String bound : List.of("1e400", "0.1234567890123456789012345678901234567", "-1e7000", "1e999999999",
                "1e-999999999")) {
            String body = JSON.writeValueAsString(with(valid, "autoApproval", Map.of("enabled", true,
                    "ruleSetVersion", "1", "rules", List.of(Map.of("type", "FIELD_RANGE", "field", "age",
                            "min", 16, "max", 0))))).replace("\"max\":0", "\"max\":" + bound);
            Response refused = api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                    .body("application/json", body).send();
            // the platform refuses a number no person writes (INVALID_NUMBER) before the catalog's own bounds do
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("code").asString()).isIn("VALIDATION_FAILED", "INVALID_NUMBER");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).as(refused.toString())
                    .isEqualTo("autoApproval.rules[0].max");
        }
        assertProblem(api().get("/api/v1/catalog/entries/" + itemCode + "341300SCJGJ/draft").token(CATALOG_ADMIN)
                .send(), 404, "NOT_FOUND");
        Response created = api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN).json(with(valid, "autoApproval",
                Map.of("enabled", true, "ruleSetVersion", "1", "rules", List.of(Map.of("type", "FIELD_RANGE",
                        "field", "income", "min", new java.math.BigDecimal("-999999999999999.999999"),
                        "max", new java.math.BigDecimal("999999999999999.999999")))))).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void pagesEndAtTheLastPageInsteadOfWrapping() {
        for (String list : List.of("/api/v1/catalog/items", "/api/v1/catalog/service-items", "/api/v1/catalog/bundles",
                "/api/v1/catalog/entries")) {
            for (String paging : List.of("page=2147483647", "page=10001", "page=-1", "size=0", "size=101",
                    "page=10000&size=2147483647", "page=2147483648")) {
                Response refused = api().get(list + "?" + paging).token(CATALOG_ADMIN).send();
                assertThat(refused.status()).as(list + "?" + paging + " " + refused).isEqualTo(400);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.json().get("code").asString()).as(refused.toString())
                        .isIn("INVALID_PAGE", "VALIDATION_FAILED", "INVALID_PARAMETER");
            }
            // the last page answers itself, empty, and never the first page's records
            JsonNode last = api().get(list + "?page=10000&size=100").token(CATALOG_ADMIN).send().json();
            assertThat(last.get("page").asInt()).as(list).isEqualTo(10_000);
            assertThat(last.get("content").size()).as(list).isZero();
        }
    }

    @Test
    void onlyHealthIsAnonymousAmongTheActuatorEndpoints() {
        assertProblem(api().get("/actuator/prometheus").send(), 401, "UNAUTHENTICATED");
        assertProblem(api().get("/actuator/info").send(), 401, "UNAUTHENTICATED");
        assertThat(api().get("/actuator/prometheus").token(CATALOG_ADMIN).send().status()).isEqualTo(403);
        Response scraped = api().get("/actuator/prometheus").token(Fixtures.TOKENS.client("prometheus").mint()).send();
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.rawBody()).contains("application=\"service-catalog\"");
        assertThat(api().get("/actuator/health/readiness").send().status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static void assertTextRefused(Response response, String field) {
        assertProblem(response, 400, "INVALID_TEXT");
        assertThat(response.json().get("errors").get(0).get("field").asString()).as(response.toString())
                .isEqualTo(field);
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * One request written byte by byte, as no HTTP client library would send it ({@code headers} as ISO-8859-1, so
     * each char is one byte on the wire); the whole answer back.
     */
    private String raw(String method, String target, String token, String headers, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + (content.length > 0 ? "Content-Type: application/json\r\n" : "")
                + headers + "Content-Length: " + content.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
