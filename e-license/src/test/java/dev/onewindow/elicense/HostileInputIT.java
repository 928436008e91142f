package dev.onewindow.elicense;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.onewindow.elicense.support.Fixtures;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TokenMinter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input to e-license's own endpoints: headers a client encodes as UTF-8, malformed escapes in the path,
 * control and bidirectional characters in every text a client sends (faces, purposes, reasons, case references),
 * bounded lists. Each is a 400 problem+json with a code, never a 5xx or Tomcat's HTML, and nothing is stored; the
 * texts that legitimately span lines (reasons) still may.
 */
@IntegrationTest
class HostileInputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Where {@link #withHostile} puts the hostile text. */
    private static final String HOSTILE = "@@hostile@@";

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    private final String approver = Fixtures.approver("SCJGJ");

    private ApiClient api() {
        return ApiClient.localPort(port);
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).as(response.toString()).isEqualTo(code);
    }

    @Test
    void aNonAsciiIdempotencyKeyIsA400ProblemAndIssuesNothing() throws IOException {
        String holder = Fixtures.newIdNumber();
        String body = JSON.writeValueAsString(Map.of("typeCode", "SPJYXKZ", "holder", Map.of("idNumber", holder),
                "fields", Fixtures.spjyxkz()));
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        // U+202E as the UTF-8 bytes curl sends (E2 80 AE); the server reads them as three ISO-8859-1 characters
        String answer = raw(("POST /api/v1/licenses HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + approver
                + "\r\nIdempotency-Key: \u00E2\u0080\u00AE\r\nContent-Type: application/json\r\nContent-Length: "
                + json.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), json);

        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"code\":\"INVALID_HEADER\"");
        assertThat(api().get("/api/v1/licenses").token(Fixtures.citizen(holder)).send().json()).isEmpty();
        // the same request with a plain key issues
        assertThat(api().post("/api/v1/licenses").token(approver).header("Idempotency-Key", "retry-" + holder)
                .body("application/json", body).send().status()).isEqualTo(201);
    }

    @Test
    void anEmptyIdempotencyKeyIsRefusedRatherThanSharedByEveryIssueOfTheDepartment() throws IOException {
        for (int i = 0; i < 2; i++) {
            String holder = Fixtures.newIdNumber();
            byte[] json = JSON.writeValueAsString(Map.of("typeCode", "SPJYXKZ", "holder", Map.of("idNumber", holder),
                    "fields", Fixtures.spjyxkz())).getBytes(StandardCharsets.UTF_8);
            String answer = raw(("POST /api/v1/licenses HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + approver + "\r\nIdempotency-Key: \r\nContent-Type: application/json\r\nContent-Length: "
                    + json.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), json);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                    .contains("\"field\":\"idempotencyKey\"");
            assertThat(api().get("/api/v1/licenses").token(Fixtures.citizen(holder)).send().json()).isEmpty();
        }
    }

    /**
     * {@code Content-Type} and {@code Accept} are read by Spring on every request, through Spring Security's
     * firewall, which throws on a control byte: the UTF-8 bytes of U+202E in them were a 500 (even on the health
     * probe), and an {@code Accept} that names no media type an empty 400 or 406.
     */
    @Test
    void theHeadersSpringReadsOnEveryRequestAreCheckedBeforeAnythingReadsThem() throws IOException {
        byte[] qr = "{\"qr\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        String contentType = raw(("POST /api/v1/licenses/verify HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                + "application/json; charset=\u00E2\u0080\u00AE\r\nContent-Length: " + qr.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), qr);
        assertThat(contentType).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"code\":\"INVALID_HEADER\"");
        String probe = raw(("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nContent-Type: a\u00E2\u0080\u00AEb"
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(probe).startsWith("HTTP/1.1 400").contains("\"code\":\"INVALID_HEADER\"");

        for (String accept : List.of("a\u00E2\u0080\u00AEb", "x", "application/json, x/", "a\tb")) {
            for (String request : List.of("GET /api/v1/licenses/keys", "POST /api/v1/licenses/verify")) {
                boolean post = request.startsWith("POST");
                String answer = raw((request + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept
                        + (post ? "\r\nContent-Type: application/json" : "") + "\r\nContent-Length: "
                        + (post ? qr.length : 0) + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1), post ? qr : new byte[0]);
                assertThat(answer).as(request + " Accept: " + accept).startsWith("HTTP/1.1 400")
                        .contains("application/problem+json").contains("\"code\":\"INVALID_HEADER\"");
            }
        }
        // what clients send goes on working
        assertThat(api().get("/api/v1/licenses/keys").header("Accept", "application/json, */*;q=0.8").send()
                .status()).isEqualTo(200);
        assertProblem(api().get("/api/v1/licenses/keys").header("Accept", "text/html").send(), 406,
                "NOT_ACCEPTABLE");
    }

    @Test
    void aFormBodyIsUnsupportedEvenWhenItsEscapesAreBroken() {
        // Tomcat's form parser threw on the broken escape: a 500; it is the client's malformed request
        assertProblem(api().post("/api/v1/licenses/types/SPJYXKZ/check")
                .body("application/x-www-form-urlencoded", "fields=%FF&b").send(), 400, "MALFORMED_REQUEST");
        assertProblem(api().post("/api/v1/licenses/verify").body("application/x-www-form-urlencoded", "qr=x").send(),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void anInvalidEscapeInThePathIsAProblemNotTomcatsHtmlPage() throws IOException {
        for (String path : List.of("/api/v1/licenses/%ff", "/api/v1/licenses/verify/%ff",
                "/api/v1/licenses/types/%c0%af")) {
            String answer = raw(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + approver
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            assertThat(answer).as(path).startsWith("HTTP/1.1 400").contains("application/problem+json")
                    .containsPattern("\"code\":\"[A-Z_]+\"").doesNotContainIgnoringCase("<html");
        }
        // escapes that decode, to text no identifier holds, are the platform's text refusals
        assertProblem(api().get("/api/v1/licenses/verify/SPJYXKZ%E2%80%AE34130000000001").send(), 400,
                "INVALID_TEXT");
        assertProblem(api().get("/api/v1/licenses/status-lists/SCJGJ?statusPurpose=%00").send(), 400,
                "INVALID_TEXT");
    }

    @Test
    void controlAndBidiCharactersNeverReachALicenceFace() {
        String holder = Fixtures.newIdNumber();
        for (String hostile : List.of("abc\u202Efdp.exe", "a\u0000b", "\u2066x\u2069", "\uD800", "two\nlines",
                "tab\there")) {
            Map<String, Object> face = Fixtures.spjyxkz();
            face.put("premises", HOSTILE);
            Response refused = api().post("/api/v1/licenses").token(approver).json(withHostile(Map.of(
                    "typeCode", "SPJYXKZ", "holder", Map.of("idNumber", holder), "fields", face), hostile)).send();
            assertThat(refused.status()).as(hostile + " " + refused).isEqualTo(400);
            assertThat(refused.json().get("code").asString()).isIn("INVALID_FORM_FIELD", "INVALID_LICENSE_FIELDS");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).endsWith("premises");
        }
        assertThat(api().get("/api/v1/licenses").token(Fixtures.citizen(holder)).send().json()).isEmpty();

        // the check case-handling runs at submission answers by the same rule as issuing
        Map<String, Object> form = Fixtures.spjyxkz();
        form.put("operatorName", "示范餐饮\n(已核验)");
        Response checked = api().post("/api/v1/licenses/types/SPJYXKZ/check").json(Map.of("fields", form)).send();
        assertProblem(checked, 400, "INVALID_LICENSE_FIELDS");
        assertThat(checked.json().get("errors").get(0).get("field").asString()).isEqualTo("fields.operatorName");
        assertThat(checked.json().get("errors").get(0).get("code").asString()).isEqualTo("CONTROL_CHARACTER");
    }

    @Test
    void aReissueCannotSealHostileTextEither() {
        JsonNode licence = Fixtures.issue(api(), approver, "SPJYXKZ", Fixtures.newIdNumber(), Fixtures.spjyxkz());
        String id = licence.get("licenseId").asString();
        for (String hostile : List.of("abc\u202Efdp.exe", "a\u0000b", "\uDFFFx", "two\r\nlines")) {
            Response refused = api().post("/api/v1/licenses/" + id + "/reissue").token(approver)
                    .json(withHostile(Map.of("changes", Map.of("premises", HOSTILE)), hostile)).send();
            assertThat(refused.status()).as(hostile + " " + refused).isEqualTo(400);
        }
        Response after = api().get("/api/v1/licenses/" + id).token(approver).send();
        assertThat(after.json().get("status").asString()).isEqualTo("VALID");
        assertThat(after.json().get("supersededBy").isNull()).isTrue();
    }

    @Test
    void purposesAndCaseReferencesOfAnAuthorizationAreSingleLinePlainText() {
        String holderId = Fixtures.newIdNumber();
        String licenseId = Fixtures.issue(api(), approver, "SPJYXKZ", holderId, Fixtures.spjyxkz())
                .get("licenseId").asString();
        String holder = Fixtures.citizen(holderId);
        for (Map<String, Object> hostile : List.<Map<String, Object>>of(
                Map.of("purpose", "abc\u202Efdp.exe"), Map.of("purpose", "a\u0000b"), Map.of("purpose", "two\nlines"),
                Map.of("caseRef", "case\u202E1"), Map.of("caseRef", "\u0007"))) {
            Map<String, Object> body = new HashMap<>(Map.of("departmentCode", "SCJGJ", "purpose", "核验",
                    "licenseIds", List.of(licenseId)));
            body.putAll(hostile);
            assertProblem(api().post("/api/v1/licenses/authorizations").token(holder).json(body).send(), 400,
                    "INVALID_TEXT");
        }
        assertThat(mongo.count(Query.query(Criteria.where("licenseIds").is(licenseId)), "authorizations")).isZero();
    }

    @Test
    void reasonsMaySpanLinesButHoldNoOtherControlOrBidiCharacter() {
        JsonNode licence = Fixtures.issue(api(), approver, "SPJYXKZ", Fixtures.newIdNumber(), Fixtures.spjyxkz());
        String id = licence.get("licenseId").asString();

        assertProblem(api().post("/api/v1/licenses/" + id + "/suspend").token(approver)
                .json(Map.of("reason", "abc\u202Efdp.exe")).send(), 400, "INVALID_TEXT");
        assertProblem(api().post("/api/v1/licenses/" + id + "/suspend").token(approver)
                .json(Map.of("reason", "a\u0000b")).send(), 400, "INVALID_TEXT");
        assertThat(api().get("/api/v1/licenses/" + id).token(approver).send().json().get("status").asString())
                .isEqualTo("VALID");

        Response suspended = api().post("/api/v1/licenses/" + id + "/suspend").token(approver)
                .json(Map.of("reason", "现场检查发现：\n1. 超范围经营\n2. 从业人员无健康证明")).send();
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(api().post("/api/v1/licenses/" + id + "/reinstate").token(approver)
                .json(Map.of("reason", "整改完成\n复查合格")).send().status()).isEqualTo(200);

        Response reissued = api().post("/api/v1/licenses/" + id + "/reissue").token(approver)
                .json(Map.of("changes", Map.of("premises", "宿州市埇桥区银河一路20号"),
                        "reason", "经营场所变更\r\n（原址拆迁）")).send();
        assertThat(reissued.status()).as(reissued.toString()).isEqualTo(201);
        assertProblem(api().post("/api/v1/licenses/" + reissued.json().get("licenseId").asString() + "/revoke")
                .token(approver).json(Map.of("reason", "\u202E")).send(), 400, "INVALID_TEXT");
    }

    @Test
    void listsAreBoundedAndQueryValuesAreNamesNotOrdinals() {
        String holder = Fixtures.citizen(Fixtures.newIdNumber());
        for (String limit : List.of("0", "-1", "201", "2147483648", "99999999999999999999", "1.5", "abc")) {
            for (String list : List.of("/api/v1/licenses", "/api/v1/licenses/usage")) {
                Response response = api().get(list + "?limit=" + limit).token(holder).send();
                assertThat(response.status()).as(list + "?limit=" + limit).isEqualTo(400);
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(api().get("/api/v1/licenses?limit=200").token(holder).send().status()).isEqualTo(200);
        for (String purpose : List.of("0", "1", "REVOCATION", "Revocation")) {
            assertProblem(api().get("/api/v1/licenses/status-lists/SCJGJ?statusPurpose=" + purpose).send(), 400,
                    "INVALID_STATUS_PURPOSE");
        }
    }

    /**
     * {@code body} as JSON with {@link #HOSTILE} replaced by {@code text}, every non-ASCII or control character as a
     * JSON escape (a lone surrogate can travel only so: UTF-8 cannot carry it).
     */
    private static String withHostile(Object body, String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            escaped.append(c == '"' || c == '\\' ? "\\" + c
                    : c < 0x20 || c > 0x7E ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return JSON.writeValueAsString(body).replace(HOSTILE, escaped);
    }

    /** One request written byte by byte, as curl would send it and no Java HTTP client will; the whole answer. */
    private String raw(byte[]... parts) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            for (byte[] part : parts) {
                out.write(part);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
