package dev.onewindow.casehandling;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.casehandling.support.People;
import dev.onewindow.platform.testkit.ApiClient.Response;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the case API does with hostile input: uploads with broken multipart bodies or hostile file names, what Tomcat
 * refuses before any filter, control and bidirectional characters in names and free texts (line breaks only in the
 * free texts), enum ordinals and pages past the last — each a 4xx problem+json with a code, never a 5xx, never HTML,
 * and nothing stored.
 */
class HostileInputIT extends CaseApiSupport {

    /** Bodies with every non-ASCII character escaped, so a lone surrogate reaches the service as it was written. */
    private static final JsonMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    @Test
    void brokenUploadsAreAClientErrorAndNothingIsStored() throws IOException {
        Citizen citizen = newCitizen();
        long files = storedFiles();

        // a NUL in the file name (as the browser sends it: raw in the part's header), which the multipart parser refuses
        assertProblem(uploadFile(citizen.token(), "scan\u0000.pdf", "application/pdf", pdf(64)), 400,
                "MALFORMED_MULTIPART");
        // a right-to-left override: "abc\u202Efdp.exe" displays as "abcexe.pdf"
        Response bidi = uploadFile(citizen.token(), "abc\u202Efdp.exe", "application/pdf", pdf(64));
        assertProblem(bidi, 400, "INVALID_TEXT");
        assertThat(bidi.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertProblem(uploadFile(citizen.token(), "bell\u0007.pdf", "application/pdf", pdf(64)), 400, "INVALID_TEXT");
        assertProblem(uploadFile(citizen.token(), "x".repeat(300) + ".pdf", "application/pdf", pdf(64)), 400,
                "INVALID_TEXT");
        // multipart without a boundary, and a part that never ends
        assertProblem(api().post("/api/v1/cases/files").token(citizen.token())
                .body("multipart/form-data", "--x\r\n").send(), 400, "MALFORMED_MULTIPART");
        assertProblem(api().post("/api/v1/cases/files").token(citizen.token())
                .body("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"a.pdf\"\r\n\r\n%PDF-1.4").send(), 400, "MALFORMED_MULTIPART");
        // the raw bytes of a NUL and of a right-to-left override in the part's header, as no client library sends them
        for (String name : List.of("scan\u0000.pdf", "abc\u00E2\u0080\u00AEfdp.exe")) {
            String body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n\r\n--b--\r\n";
            String answer = raw("POST /api/v1/cases/files HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + citizen.token() + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: "
                    + body.length() + "\r\nConnection: close\r\n\r\n" + body);
            assertThat(answer).startsWith("HTTP/1.1 4").contains("application/problem+json").contains("\"code\":");
        }
        assertThat(storedFiles()).isEqualTo(files);

        // an ordinary name with a path is cut to its last segment, as before
        Response fine = uploadFile(citizen.token(), "C:\\scans\\营业执照 副本.pdf", "application/pdf", pdf(64));
        assertThat(fine.status()).as(fine.toString()).isEqualTo(201);
        assertThat(fine.json().get("name").asString()).isEqualTo("营业执照 副本.pdf");
    }

    @Test
    void whatTomcatRefusesBeforeAnyFilterIsProblemJson() throws IOException {
        String invalidEscape = raw("GET /api/v1/cases/%ff HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(invalidEscape).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"code\":\"MALFORMED_REQUEST\"").doesNotContainIgnoringCase("<html");

        String hugeHeader = raw("GET /api/v1/cases/mine HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(hugeHeader).startsWith("HTTP/1.1 4").contains("application/problem+json")
                .contains("\"code\":").doesNotContainIgnoringCase("<html");

        // the same from a client library, with a token
        Citizen citizen = newCitizen();
        for (String path : List.of("/api/v1/cases/%FF", "/api/v1/cases/a%00b")) {
            Response refused = api().get(path).token(citizen.token()).send();
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asString()).isEqualTo("MALFORMED_REQUEST");
        }
        // what Tomcat lets through reaches the service's filters: a control character, a query that is not UTF-8
        assertProblem(api().get("/api/v1/cases/mine?page=1%00").token(citizen.token()).send(), 400, "INVALID_TEXT");
        assertProblem(api().get("/api/v1/cases/%E2%80%AE1").token(citizen.token()).send(), 400, "INVALID_TEXT");
        assertProblem(api().get("/api/v1/cases/mine?page=%C0%AF").token(citizen.token()).send(), 400,
                "INVALID_ENCODING");
    }

    @Test
    void namesAndCodesAreSingleLinePlainTextAndNothingIsStored() {
        Map<String, Object> entry = publishedEntry("SCJGJ");
        Citizen citizen = newCitizen();
        String fileId = upload(citizen.token());
        long before = storedCases();

        for (String name : List.of("张\u0000三", "abc\u202Efdp", "张三\n李四", "\uD800", "\u2066张三\u2069")) {
            Map<String, Object> body = citizenApplication(entry, fileId);
            body.put("applicant", Map.of("name", name));
            Response refused = api().post("/api/v1/cases").token(citizen.token()).json(escaped(body)).send();
            assertProblem(refused, 400, "INVALID_TEXT");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("applicant.name");
        }
        Map<String, Object> code = citizenApplication(entry, fileId);
        code.put("materials", List.of(Map.of("code", "M01\u0000", "fileId", fileId)));
        assertProblem(api().post("/api/v1/cases").token(citizen.token()).json(code).send(), 400, "INVALID_TEXT");
        assertThat(storedCases()).isEqualTo(before);
    }

    @Test
    void freeTextsTakeLineBreaksButNoControlOrBidiCharacters() {
        Citizen citizen = newCitizen();
        String id = submitAsCitizen(citizen, publishedEntry("SCJGJ")).json().get("id").asString();
        String officer = People.officer("SCJGJ");
        Document before = storedCase(id);

        for (String hostile : List.of("材料不齐\u0000", "请补正\u202E", "\u001B[31m红色", "\uDFFF")) {
            assertProblem(command(id, "reject", officer, escaped(Map.of("reason", hostile))), 400, "INVALID_TEXT");
            assertProblem(command(id, "supplement-requests", officer, escaped(Map.of("items",
                    List.of(Map.of("description", hostile))))), 400, "INVALID_TEXT");
            assertProblem(command(id, "withdraw", citizen.token(), escaped(Map.of("reason", hostile))), 400,
                    "INVALID_TEXT");
        }
        assertThat(storedCase(id).getString("status")).isEqualTo(before.getString("status"));
        assertThat(storedCase(id).getList("history", Document.class)).hasSameSizeAs(
                before.getList("history", Document.class));

        // line breaks and tabs belong in a reason, a description and a comment
        Response requested = ok(command(id, "supplement-requests", officer, Map.of("items",
                List.of(Map.of("materialCode", "M02", "description", "请提交经营场所证明：\n1. 租赁合同\n2.\t房产证")),
                "comment", "一次性告知\r\n请于五个工作日内补正")));
        assertThat(requested.json().get("supplementRequest").get("items").get(0).get("description").asString())
                .isEqualTo("请提交经营场所证明：\n1. 租赁合同\n2.\t房产证");
        Map<String, Object> supplement = new LinkedHashMap<>();
        supplement.put("materials", List.of(Map.of("code", "M02", "fileId", upload(citizen.token()))));
        supplement.put("comment", "已补齐\n谢谢");
        ok(command(id, "supplement", citizen.token(), supplement));
        ok(command(id, "reject", officer, Map.of("reason", "不属于本部门职权范围：\n请向区市场监管局申请")));
        // but a procedure is a name
        String reviewed = submitAsCitizen(citizen, publishedEntry("SCJGJ")).json().get("id").asString();
        ok(command(reviewed, "accept", officer, null));
        String reviewer = People.reviewer("SCJGJ");
        ok(command(reviewed, "review", reviewer, null));
        assertProblem(command(reviewed, "suspend", reviewer, Map.of("procedure", "专家\n评审", "reason", "x")), 400,
                "INVALID_TEXT");
        ok(command(reviewed, "suspend", reviewer, Map.of("procedure", "专家评审", "reason", "需现场核查：\n1. 场所")));
    }

    @Test
    void enumsAreTakenByNameAndPagesAreBounded() {
        Map<String, Object> entry = publishedEntry("SCJGJ");
        Citizen citizen = newCitizen();
        String fileId = upload(citizen.token());
        long before = storedCases();
        for (Object channel : List.of(0, 1, "mobile_app")) {
            Map<String, Object> body = citizenApplication(entry, fileId);
            body.put("channel", channel);
            Response refused = api().post("/api/v1/cases").token(citizen.token()).json(body).send();
            assertProblem(refused, 400, "INVALID_VALUE");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("channel");
        }
        Map<String, Object> ordinalType = citizenApplication(entry, fileId);
        ordinalType.put("applicant", Map.of("type", 0, "name", "张三"));
        assertProblem(api().post("/api/v1/cases").token(citizen.token()).json(ordinalType).send(), 400,
                "INVALID_VALUE");
        assertThat(storedCases()).isEqualTo(before);

        String officer = People.officer("SCJGJ");
        for (String query : List.of("page=2147483647", "page=10001", "page=-1", "size=0", "size=101",
                "page=2147483647&size=100")) {
            assertProblem(api().get("/api/v1/cases/mine?" + query).token(citizen.token()).send(), 400, "INVALID_PAGE");
            assertProblem(api().get("/api/v1/cases?" + query).token(officer).send(), 400, "INVALID_PAGE");
        }
        assertProblem(api().get("/api/v1/cases/mine?page=2147483648").token(citizen.token()).send(), 400,
                "INVALID_PARAMETER");
        assertProblem(api().get("/api/v1/cases?status=0").token(officer).send(), 400, "INVALID_PARAMETER");
        assertThat(ok(api().get("/api/v1/cases/mine?page=10000&size=100").token(citizen.token()).send()).json()
                .get("content").size()).isZero();
    }

    private static String escaped(Object body) {
        return ESCAPING.writeValueAsString(body);
    }

    private long storedFiles() {
        return mongo.getCollection("case_files").countDocuments();
    }

    /** One request written byte by byte, as no HTTP client library would send it; the whole answer back. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
