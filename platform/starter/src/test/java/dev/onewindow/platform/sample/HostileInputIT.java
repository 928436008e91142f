package dev.onewindow.platform.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TokenMinter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the platform does with hostile input for every service, before a service's own rules: the text policy on
 * bodies, paths, queries and the headers services read, enums by name, bounded pages, multipart errors and
 * Tomcat's own refusals — each a 4xx problem+json with a code, never a 5xx, never HTML.
 */
@IntegrationTest
class HostileInputIT {

    private static final TokenMinter TOKENS = TokenMinter.shared();

    @LocalServerPort
    int port;

    private final String officer = TOKENS.user("officer1", "window-officer").dept("SCJGJ").region("341300").mint();

    private ApiClient api() {
        return ApiClient.localPort(port);
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }

    @Test
    void everyBodyStringFollowsTheTextPolicyAndNothingIsStored() {
        for (String label : new String[] {"a\\u0000b", "abc\\u202efdp.exe", "\\ud800", "line\\nbreak"}) {
            String id = "hostile-" + Math.abs(label.hashCode());
            Response refused = api().post("/api/v1/parcels").token(officer)
                    .json("{\"id\":\"" + id + "\",\"region\":\"341300\",\"label\":\"" + label + "\"}").send();
            assertProblem(refused, 400, "INVALID_TEXT");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("label");
            assertThat(api().get("/api/v1/parcels/" + id).token(officer).send().status()).isEqualTo(404);
        }
        // a multi-line field takes line breaks, and nothing else of the kind
        Response noted = api().post("/api/v1/parcels").token(officer)
                .json("{\"id\":\"noted-1\",\"region\":\"341300\",\"label\":\"tea\",\"note\":\"fragile\\nkeep dry\"}")
                .send();
        assertThat(noted.status()).as(noted.toString()).isEqualTo(201);
        assertProblem(api().post("/api/v1/parcels").token(officer)
                .json("{\"id\":\"noted-2\",\"region\":\"341300\",\"label\":\"tea\",\"note\":\"a\\u202eb\"}").send(),
                400, "INVALID_TEXT");
    }

    @Test
    void enumsAreTakenByNameOnly() {
        assertProblem(api().post("/api/v1/parcels").token(officer)
                .json("{\"id\":\"prio-1\",\"region\":\"341300\",\"label\":\"tea\",\"priority\":1}").send(),
                400, "INVALID_VALUE");
        assertThat(api().post("/api/v1/parcels").token(officer)
                .json("{\"id\":\"prio-2\",\"region\":\"341300\",\"label\":\"tea\",\"priority\":\"URGENT\"}").send()
                .status()).isEqualTo(201);
    }

    @Test
    void pagesAreBoundedInsteadOfWrapping() {
        Response last = api().get("/api/v1/parcels?page=2147483647&size=20").token(officer).send();
        assertThat(last.status()).isEqualTo(400);
        assertThat(last.contentType()).startsWith("application/problem+json");
        assertThat(api().get("/api/v1/parcels?page=0&size=20").token(officer).send().status()).isEqualTo(200);
    }

    @Test
    void queryValuesMustBeValidUtf8AndPlainText() {
        assertProblem(api().get("/api/v1/parcels?page=0&label=%FF").token(officer).send(), 400, "INVALID_ENCODING");
        assertProblem(api().get("/api/v1/parcels?label=%C0%AF").token(officer).send(), 400, "INVALID_ENCODING");
        assertProblem(api().get("/api/v1/parcels?label=%ED%A0%80").token(officer).send(), 400, "INVALID_ENCODING");
        assertProblem(api().get("/api/v1/parcels?label=a%00b").token(officer).send(), 400, "INVALID_TEXT");
    }

    @Test
    void theHeadersServicesReadMustBeShortVisibleAscii() throws IOException {
        // U+202E sent as UTF-8 bytes, as a client would: the server reads them as three Latin-1 characters
        String bidi = raw("POST /api/v1/parcels/noted-1/ship HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + officer + "\r\nIf-Match: \u00E2\u0080\u00AE1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(bidi).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"code\":\"INVALID_HEADER\"");
        assertProblem(api().post("/api/v1/parcels").token(officer).header("Idempotency-Key", "x".repeat(600))
                .json("{\"id\":\"idem-1\",\"region\":\"341300\",\"label\":\"tea\"}").send(), 400, "INVALID_HEADER");
    }

    @Test
    void contentNegotiationHeadersThatCannotBeReadAreAClientError() throws IOException {
        String badAccept = raw("GET /api/v1/parcels/noted-1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + officer + "\r\nAccept: application/json, x/\r\nConnection: close\r\n\r\n");
        assertThat(badAccept).startsWith("HTTP/1.1 400").contains("\"code\":\"INVALID_HEADER\"");
        String badType = raw("POST /api/v1/parcels HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + officer
                + "\r\nContent-Type: application/json; charset=\u00ff\r\nContent-Length: 2\r\nConnection: close"
                + "\r\n\r\n{}");
        assertThat(badType).startsWith("HTTP/1.1 400").contains("\"code\":\"INVALID_HEADER\"");
        // Tomcat's parameter parser throws on a broken escape in a form body: the client's fault, not a 500
        String brokenForm = raw("POST /api/v1/parcels HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + officer + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 12\r\n"
                + "Connection: close\r\n\r\na=%FF&b=%00&");
        assertThat(brokenForm).matches("(?s)HTTP/1.1 4\\d\\d .*").contains("application/problem+json");
    }

    @Test
    void brokenMultipartBodiesAreAClientError() {
        assertProblem(api().post("/api/v1/parcels").token(officer).body("multipart/form-data", "--x\r\n").send(),
                400, "MALFORMED_MULTIPART");
    }

    @Test
    void whatTomcatRefusesBeforeAnyFilterIsProblemJsonToo() throws IOException {
        String invalidEscape = raw("GET /api/v1/parcels/%ff HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(invalidEscape).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"code\":\"MALFORMED_REQUEST\"").doesNotContainIgnoringCase("<html");

        String hugeHeader = raw("GET /api/v1/public/ping HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(hugeHeader).startsWith("HTTP/1.1 4").contains("application/problem+json")
                .doesNotContainIgnoringCase("<html");
    }

    @Test
    void metricsAreForTheMonitoringClientOnly() {
        assertThat(api().get("/actuator/prometheus").send().status()).isEqualTo(401);
        assertThat(api().get("/actuator/info").send().status()).isEqualTo(401);
        assertThat(api().get("/actuator/prometheus").token(officer).send().status()).isEqualTo(403);
        Response scraped = api().get("/actuator/prometheus").token(TOKENS.client("prometheus").mint()).send();
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.rawBody()).contains("jvm_memory_used_bytes");
        assertThat(api().get("/actuator/health/readiness").send().status()).isEqualTo(200);
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
