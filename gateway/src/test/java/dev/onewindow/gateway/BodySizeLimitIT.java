package dev.onewindow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.onewindow.gateway.support.GatewayIntegrationTest;
import dev.onewindow.platform.testkit.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The request body limit (default 10 MB), declared by Content-Length or sent chunked. */
class BodySizeLimitIT extends GatewayIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void a20MegabyteJsonBodyIsRefusedWith413BeforeTheBackendSeesIt() {
        Response response = api().post("/api/v1/cases").token(officerToken()).json(jsonOfSize(20 * 1024 * 1024))
                .send();

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:onewindow:problem:payload-too-large");
        assertThat(response.json().get("detail").asString()).contains("10 MB");
        assertThat(BACKEND.received("/api/v1/cases")).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() throws Exception {
        HttpResponse<String> response = sendChunked("/api/v1/cases/chunked-big", jsonOfSize(20 * 1024 * 1024));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JsonMapper.builder().build().readTree(response.body());
        assertThat(body.get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        // the forwarded upload was cut off at the limit: the backend never got the whole body
        assertThat(BACKEND.received("/api/v1/cases/chunked-big"))
                .allSatisfy(received -> assertThat(received.bodyBytes()).isLessThan(20L * 1024 * 1024));
    }

    @Test
    void bodiesWithinTheLimitPassWhole() throws Exception {
        String oneMegabyte = jsonOfSize(1024 * 1024);

        Response declared = api().post("/api/v1/cases/declared-ok").token(officerToken()).json(oneMegabyte).send();
        HttpResponse<String> chunked = sendChunked("/api/v1/cases/chunked-ok", oneMegabyte);

        assertThat(declared.status()).isEqualTo(200);
        assertThat(chunked.statusCode()).isEqualTo(200);
        assertThat(BACKEND.received("/api/v1/cases/declared-ok")).singleElement()
                .satisfies(r -> assertThat(r.bodyBytes()).isEqualTo(oneMegabyte.length()));
        assertThat(BACKEND.received("/api/v1/cases/chunked-ok")).singleElement()
                .satisfies(r -> assertThat(r.bodyBytes()).isEqualTo(oneMegabyte.length()));
    }

    @Test
    void anOversizeUploadIsRefusedAtOnceAndTheClientStillSendingItReadsTheAnswer() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/cases/too-big-raw HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json"
                    + "\r\nContent-Length: " + 20 * 1024 * 1024 + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] part = "a".repeat(256 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 8; i++) { // 2 of the 20 MB announced, sent after the refusal was written
                out.write(part);
            }
            out.flush();
            byte[] head = socket.getInputStream().readNBytes(12);

            assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 413");
        }
        assertThat(BACKEND.received("/api/v1/cases/too-big-raw")).isEmpty();
    }

    private HttpResponse<String> sendChunked(String path, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + officerToken())
                .header("Content-Type", "application/json")
                // an input stream of unknown length is sent with Transfer-Encoding: chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String jsonOfSize(int bytes) {
        String prefix = "{\"attachment\":\"";
        String suffix = "\"}";
        return prefix + "A".repeat(bytes - prefix.length() - suffix.length()) + suffix;
    }
}
