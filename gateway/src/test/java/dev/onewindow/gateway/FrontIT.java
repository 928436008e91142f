package dev.onewindow.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import dev.onewindow.gateway.support.GatewayIntegrationTest;
import dev.onewindow.platform.testkit.ApiClient.Response;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The gateway front's direct path: a call whose token the gateway has verified before (or an anonymous read of a
 * public path) is forwarded by the front itself, with every protection the Spring stack applies. Each test first
 * proves which path a call took ({@code gateway.front.calls}), then what the client and the service saw.
 */
@ExtendWith(OutputCaptureExtension.class)
class FrontIT extends GatewayIntegrationTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Autowired
    MeterRegistry meters;

    @Test
    void aCallWithAVerifiedTokenIsForwardedDirectlyWithTheEdgeHeaders() {
        String token = verified(officerToken());

        Response response = direct(() -> api().get("/api/v1/cases/front-direct?page=2&q=a%20b").token(token)
                .header("X-Request-Id", "front-1")
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .header("X-Forwarded-For", "10.9.8.7").header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=10.9.8.7").send());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("X-Request-Id")).isEqualTo("front-1");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(response.json().get("backend").asString()).isEqualTo("ok");
        assertThat(BACKEND.received("/api/v1/cases/front-direct")).singleElement().satisfies(r -> {
            assertThat(r.query()).isEqualTo("page=2&q=a%20b");
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + token);
            assertThat(r.header("X-Request-Id")).isEqualTo("front-1");
            assertThat(r.header("traceparent")).startsWith("00-" + TRACE_ID + "-")
                    .doesNotContain("00f067aa0ba902b7");
            assertThat(r.header("X-Forwarded-For")).isNull();
            assertThat(r.header("X-Forwarded-Host")).isNull();
            assertThat(r.header("Forwarded")).isNull();
            assertThat(r.header("Host")).isEqualTo(BACKEND.uri().substring("http://".length()));
        });
    }

    @Test
    void aDirectCallWithoutRequestIdGetsAGeneratedOneAndBodiesAreStreamedWhole() {
        String token = verified(officerToken());
        String body = "{\"summary\":\"" + "x".repeat(200_000) + "\"}";

        Response response = direct(() -> api().post("/api/v1/cases/front-upload").token(token).json(body).send());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(response.json().get("bytes").asLong()).isEqualTo(body.length());
        assertThat(BACKEND.received("/api/v1/cases/front-upload")).singleElement()
                .satisfies(r -> assertThat(r.header("X-Request-Id")).isEqualTo(response.header("X-Request-Id")));
    }

    @Test
    void anAnonymousReadOfAPublicPathIsForwardedDirectly() {
        Response response = direct(() -> api().get("/api/v1/catalog/entries/front-public").send());

        assertThat(response.status()).isEqualTo(200);
        assertThat(BACKEND.received("/api/v1/catalog/entries/front-public")).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isNull());
    }

    @Test
    void whatTheFrontCannotDecideGoesThroughTheSpringStack() {
        String token = verified(officerToken());

        // a token never seen, no token on a protected path, a CORS request, an encoded path: the full path decides
        assertThat(stack(() -> api().get("/api/v1/cases/front-new").token(officerToken()).send()).status())
                .isEqualTo(200);
        assertThat(stack(() -> api().get("/api/v1/cases/front-anonymous").send()).status()).isEqualTo(401);
        assertThat(stack(() -> api().get("/api/v1/cases/front-cors").token(token)
                .header("Origin", "http://localhost:5173").send()).header("Access-Control-Allow-Origin"))
                .isEqualTo("http://localhost:5173");
        assertThat(stack(() -> api().get("/api/v1/cases/a%2Fb").token(token).send()).status()).isEqualTo(400);
    }

    @Test
    void aPartnerOverItsLimitIsRefusedByTheFrontWithRetryAfter() {
        String partner = verified(TOKENS.client("front-partner", "partner").mint()); // burst 3, then 1/s

        List<Integer> statuses = new ArrayList<>();
        Response refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            Response response = direct(() -> api().get("/api/v1/cases/front-limited").token(partner).send());
            statuses.add(response.status());
            refused = response.status() == 429 ? response : null;
        }

        assertThat(refused).as("statuses %s", statuses).isNotNull();
        assertThat(statuses.subList(0, statuses.size() - 1)).containsOnly(200);
        assertThat(BACKEND.received("/api/v1/cases/front-limited")).hasSize(statuses.size() - 1);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.json().get("traceId").asString()).hasSize(32);
    }

    @Test
    void aSlowServiceIsCutOffAtItsResponseTimeoutWith504() {
        String token = verified(officerToken());
        BACKEND.delay("/api/v1/hotline/front-slow", Duration.ofSeconds(2));
        long start = System.nanoTime();

        Response response = direct(() -> api().get("/api/v1/hotline/front-slow").token(token).send());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        assertThat(response.status()).as(response.toString()).isEqualTo(504);
        assertThat(response.json().get("code").asString()).isEqualTo("GATEWAY_TIMEOUT");
        assertThat(response.json().get("service").asString()).isEqualTo("hotline-12345");
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void aReadOnAConnectionTheServiceClosedIsSentOnceMoreButAWriteIsNot() {
        String token = verified(officerToken());

        // each call reuses the connection the one before left in the pool, and the service closes it under the call
        for (int i = 0; i < 3; i++) {
            Response read = direct(() -> api().get("/api/v1/exchange/front-read").token(token).send());
            assertThat(read.status()).as("read %d: %s", i, read).isEqualTo(200);
        }
        Response write = direct(() -> api().post("/api/v1/exchange/front-write").token(token).json("{}").send());

        assertThat(write.status()).isEqualTo(503);
        assertThat(write.json().get("service").asString()).isEqualTo("data-exchange");
        assertThat(CLOSING.received()).filteredOn(line -> line.startsWith("POST /api/v1/exchange/front-write"))
                .hasSize(1);
    }

    @Test
    void directCallsAreInTheAccessLogAndTheRequestMetrics(CapturedOutput output) {
        String token = verified(officerToken());

        Response response = direct(() -> api().get("/api/v1/cases/by-applicant/34130219900101123X?secret=1")
                .token(token).header("X-Request-Id", "front-log").send());

        assertThat(response.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> output.getAll().contains("requestId=front-log"));
        String line = output.getAll().lines().filter(l -> l.contains("requestId=front-log")).findFirst()
                .orElseThrow();
        assertThat(line).contains("onewindow.access").contains("GET /api/v1/cases/by-applicant/*** 200 ")
                .contains("client=user").doesNotContain("secret").doesNotContain(token.substring(0, 20));
        String scrape = api().get("/actuator/prometheus").token(token).send().rawBody();
        assertThat(scrape).containsPattern(
                "http_server_requests_seconds_count\\{[^}]*spring_cloud_gateway_route_id=\"case-handling\"");
        assertThat(scrape).contains("gateway_front_calls_total{application=\"gateway\",path=\"direct\"}");
    }

    @Test
    void pipelinedDirectCallsAreAnsweredInOrderOnOneConnection() throws IOException {
        String token = verified(officerToken());
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(3000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String request = "GET /api/v1/cases/front-pipelined HTTP/1.1\r\nHost: gateway\r\n"
                    + "Authorization: Bearer " + token + "\r\n\r\n";
            out.write((request + request + "GET /api/v1/cases/front-pipelined HTTP/1.1\r\nHost: gateway\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertThat(List.of(readStatus(in), readStatus(in), readStatus(in))).containsExactly(200, 200, 401);
        }
    }

    @Test
    void anOversizeUploadIsRefusedAtOnceAndTheClientStillSendingItReadsTheAnswer() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/cases/front-too-big HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json"
                    + "\r\nContent-Length: " + 20 * 1024 * 1024 + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] part = "a".repeat(256 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 8; i++) { // 2 of the 20 MB announced, sent after the refusal was written
                out.write(part);
            }
            out.flush();

            assertThat(readStatus(socket.getInputStream())).isEqualTo(413);
        }
        assertThat(BACKEND.received("/api/v1/cases/front-too-big")).isEmpty();
    }

    @Test
    void aMalformedOrOversizedRequestHeadIsAProblemAndTheConnectionCloses() throws IOException {
        assertThat(rawStatus("GET /api/v1/cases/x HTTP/1.1\r\nHost: gateway\r\nX-Big: " + "a".repeat(9000)
                + "\r\n\r\n")).startsWith("HTTP/1.1 431").contains("application/problem+json")
                .contains("HEADERS_TOO_LARGE");
        assertThat(rawStatus("GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: gateway\r\n\r\n"))
                .startsWith("HTTP/1.1 414").contains("URI_TOO_LONG");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Sends one call with the token (through the Spring stack, which verifies and caches it); returns the token. */
    private String verified(String token) {
        assertThat(api().get("/api/v1/cases/front-verify").token(token).send().status()).isEqualTo(200);
        return token;
    }

    private double calls(String path) {
        return meters.get("gateway.front.calls").tag("path", path).counter().count();
    }

    private Response direct(Supplier<Response> call) {
        return taking("direct", call);
    }

    private Response stack(Supplier<Response> call) {
        return taking("stack", call);
    }

    private Response taking(String path, Supplier<Response> call) {
        double before = calls(path);
        Response response = call.get();
        assertThat(calls(path)).as("calls on the %s path", path).isEqualTo(before + 1);
        return response;
    }

    private String rawStatus(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(3000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static int readStatus(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        assertThat(in.readNBytes(length)).hasSize(length);
        return Integer.parseInt(text.split(" ", 3)[1]);
    }
}
