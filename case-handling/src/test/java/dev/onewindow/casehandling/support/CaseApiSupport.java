package dev.onewindow.casehandling.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the module's integration tests: the shared context ({@link CaseHandlingIT}), an HTTP client that talks to
 * the service like the app or a partner would, and helpers for the common steps. Not a test itself.
 */
@CaseHandlingIT
public abstract class CaseApiSupport {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    private Resilience4JCircuitBreakerFactory breakers;

    @AfterEach
    void resetSharedState() {
        TestClock.INSTANCE.useSystemTime();
        // a test that took a peer down must not leave an open circuit to the next one
        breakers.getCircuitBreakerRegistry().getAllCircuitBreakers().forEach(b -> b.reset());
    }

    protected ApiClient api() {
        return ApiClient.localPort(port);
    }

    /** A citizen applicant with a fresh identity. */
    protected record Citizen(String idNumber, String token) {
    }

    protected Citizen newCitizen() {
        String id = People.newIdNumber();
        return new Citizen(id, People.citizen(citizenUsername(id), id));
    }

    /** A citizen's login name: distinct per ID number, without showing it. */
    protected static String citizenUsername(String idNumber) {
        return "citizen-" + Integer.toHexString(idNumber.hashCode());
    }

    /** A published entry of {@code department} (M01 required, accepts YYZZ; M02 optional), as the catalog serves it. */
    protected Map<String, Object> publishedEntry(String department) {
        Map<String, Object> entry = Stubs.entry(Stubs.implementationCode(department), 1, department);
        Stubs.publish(entry);
        return entry;
    }

    protected String upload(String token) {
        return uploadFile(token, "licence.pdf", "application/pdf", pdf(2048)).json().get("fileId").asString();
    }

    protected static byte[] pdf(int size) {
        byte[] content = new byte[size];
        byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, content, 0, magic.length);
        return content;
    }

    /** A multipart upload as a browser sends it (the test kit's client sends text bodies only). */
    protected Response uploadFile(String token, String name, String contentType, byte[] content) {
        String boundary = "----onewindow" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases/files"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body of a citizen's online submission with an uploaded copy for M01. */
    protected Map<String, Object> citizenApplication(Map<String, Object> entry, String fileId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("implementationCode", entry.get("implementationCode"));
        body.put("channel", "MOBILE_APP");
        body.put("applicant", Map.of("name", "张三", "mobile", "13812345678"));
        body.put("formData", new LinkedHashMap<>(Map.of("shopName", "老张小吃", "age", 35, "residence", "341300")));
        List<Map<String, Object>> materials = new ArrayList<>();
        materials.add(Map.of("code", "M01", "fileId", fileId));
        body.put("materials", materials);
        return body;
    }

    /** Submits as a citizen with an uploaded copy; returns the created case. */
    protected Response submitAsCitizen(Citizen citizen, Map<String, Object> entry) {
        Response created = api().post("/api/v1/cases").token(citizen.token())
                .json(citizenApplication(entry, upload(citizen.token()))).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    protected Response command(String caseId, String action, String token, Object body) {
        ApiClient.Call call = api().post("/api/v1/cases/" + caseId + "/" + action).token(token);
        return (body == null ? call : call.json(body)).send();
    }

    protected Response ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    protected static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).as(response.toString()).isEqualTo(code);
        assertThat(response.json().get("traceId")).as("traceId in " + response).isNotNull();
    }

    protected long storedCases() {
        return mongo.getCollection("cases").countDocuments();
    }

    protected Document storedCase(String id) {
        return mongo.getCollection("cases").find(new Document("_id", id)).first();
    }
}
