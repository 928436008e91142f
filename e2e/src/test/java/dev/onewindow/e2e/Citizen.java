package dev.onewindow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What the mobile app does for a logged-in user, through the gateway only. */
final class Citizen {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final String username;
    final String token;
    private final ApiClient gateway = ApiClient.at(LocalStack.GATEWAY);

    Citizen(String username) {
        this.username = username;
        this.token = Keycloak.login(username);
    }

    /** The id of one of the user's own e-licenses of a type. */
    String licenseOfType(String typeCode) {
        Response mine = gateway.get("/api/v1/licenses").token(token).send();
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        JsonNode list = mine.json().isArray() ? mine.json() : mine.json().path("content");
        for (JsonNode license : list) {
            if (typeCode.equals(license.path("typeCode").asString())) {
                return license.get("licenseId").asString();
            }
        }
        throw new AssertionError(username + " holds no " + typeCode + " license: " + mine);
    }

    /** A single-use authorization for a department to read one license (免证办). */
    String authorize(String departmentCode, String licenseId) {
        Response created = gateway.post("/api/v1/licenses/authorizations").token(token)
                .json(Map.of("departmentCode", departmentCode, "purpose", "e2e application",
                        "licenseIds", List.of(licenseId))).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("code").asString();
    }

    /** Uploads a small material file and returns its id. */
    String upload(String name, String contentType) {
        String boundary = UUID.randomUUID().toString();
        // case-handling checks the bytes against the declared type, so send a real file header
        byte[] content = contentType.equals("image/jpeg")
                ? new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1}
                : "%PDF-1.4\n% e2e material\n".getBytes(StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(LocalStack.GATEWAY + "/api/v1/cases/files"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
            JsonNode json = JSON.readTree(response.body());
            return json.has("fileId") ? json.get("fileId").asString() : json.get("id").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response submit(Object application) {
        return gateway.post("/api/v1/cases").token(token).json(application).send();
    }

    JsonNode caseById(String caseId) {
        Response read = gateway.get("/api/v1/cases/" + caseId).token(token).send();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json();
    }

    /** Polls the user's own case until it reaches {@code status}. */
    JsonNode awaitStatus(String caseId, String status, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode current = caseById(caseId);
        while (!status.equals(current.get("status").asString())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("case " + caseId + " is " + current.get("status") + ", not " + status
                        + " after " + timeout + ": " + current);
            }
            sleep(500);
            current = caseById(caseId);
        }
        return current;
    }

    static List<Map<String, String>> materials(Object... codeAndReference) {
        List<Map<String, String>> materials = new ArrayList<>();
        for (int i = 0; i < codeAndReference.length; i += 3) {
            materials.add(Map.of("code", (String) codeAndReference[i], (String) codeAndReference[i + 1],
                    (String) codeAndReference[i + 2]));
        }
        return materials;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
