package dev.onewindow.elicense;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiDocsContract;
import dev.onewindow.platform.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document a partner integrates from: every operation summarised and tagged, public or role-restricted
 * as the security rules say, every input and every answer bounded. Exported to {@code target/openapi/openapi.json},
 * where the build's Spectral lint reads it.
 */
@IntegrationTest
class ApiDocsIT {

    @LocalServerPort
    int port;

    @Test
    void theDocumentTellsAPartnerWhoMayCallWhatTheyMaySendAndWhatTheyGetBack() {
        JsonNode doc = ApiDocsContract.exportAndCheck(ApiClient.localPort(port));
        JsonNode paths = doc.path("paths");

        // anyone may verify and read what verifying needs; everything else needs a token
        List<String> open = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (operation.getValue().path("x-public").asBoolean(false)) {
                    open.add(operation.getKey().toUpperCase() + " " + path.getKey());
                }
                assertThat(operation.getValue().path("tags").size()).as(path.getKey() + " is tagged").isEqualTo(1);
            }
        }
        assertThat(open).containsExactlyInAnyOrder("GET /api/v1/licenses/verify/{licenseId}",
                "POST /api/v1/licenses/verify", "GET /api/v1/licenses/keys",
                "GET /api/v1/licenses/status-lists/{department}", "GET /api/v1/licenses/types",
                "GET /api/v1/licenses/types/{code}", "POST /api/v1/licenses/types/{code}/check");
        assertThat(paths.path("/api/v1/licenses/authorizations").path("post").path("x-roles").toString())
                .isEqualTo("[\"citizen\",\"enterprise\"]");
        assertThat(doc.path("tags").valueStream().map(tag -> tag.path("name").asString()))
                .containsExactlyInAnyOrder("Licences", "Verification", "Holder authorizations", "Licence types",
                        "Seal keys", "Status lists");
        assertThat(doc.path("tags").valueStream().map(tag -> tag.path("description").asString()))
                .noneMatch(description -> description.startsWith("Operations on"));

        // answers are bounded too: a list by the page size, a licence id by its format
        assertThat(paths.path("/api/v1/licenses").path("get").path("responses").path("200").path("content")
                .path("application/json").path("schema").path("maxItems").asInt()).isEqualTo(Limits.PAGE_SIZE);
        JsonNode licence = doc.path("components").path("schemas").path("LicenseResponse").path("properties");
        assertThat(licence.path("licenseId").path("pattern").asString()).isEqualTo(Limits.LICENSE_ID);
        assertThat(licence.path("status").path("enum").toString())
                .isEqualTo("[\"VALID\",\"SUSPENDED\",\"REVOKED\",\"EXPIRED\"]");
        // issuing answers 201, or 200 for a retry with the same Idempotency-Key
        assertThat(paths.path("/api/v1/licenses").path("post").path("responses").has("201")).isTrue();
        assertThat(paths.path("/api/v1/licenses").path("post").path("responses").has("200")).isTrue();
    }
}
