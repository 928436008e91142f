package dev.onewindow.supervision;

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
 * supervision's OpenAPI document, as a partner reads it: complete by the platform's contract (how to authenticate,
 * who may call, what errors look like, bounded input and output) and exported for the build's lint.
 */
@IntegrationTest
class ApiDocsIT {

    @LocalServerPort
    int port;

    @Test
    void theDocumentTellsAPartnerWhoMayCallWhatToSendAndWhatComesBack() {
        JsonNode doc = ApiDocsContract.exportAndCheck(ApiClient.localPort(port));
        JsonNode paths = doc.path("paths");
        List<String> open = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (operation.getValue().path("x-public").asBoolean(false)) {
                    open.add(operation.getKey().toUpperCase() + " " + path.getKey());
                }
                assertThat(operation.getValue().path("tags").size()).as(path.getKey() + " is tagged").isEqualTo(1);
            }
        }
        // the ranking summary and the public record of a draw need no token; nothing else is open
        assertThat(open).containsExactlyInAnyOrder("GET /api/v1/supervision/rankings/summary",
                "GET /api/v1/supervision/inspections/{id}/record");
        assertThat(paths.path("/api/v1/supervision/alerts").path("get").path("x-roles").toString())
                .isEqualTo("[\"auditor\",\"supervisor\"]");
        assertThat(paths.path("/api/v1/supervision/orders/{id}/reply").path("post").path("x-roles").toString())
                .isEqualTo("[\"dept-admin\",\"dept-handler\"]");
        assertThat(paths.path("/api/v1/supervision/orders/{id}/close").path("post").path("x-roles").toString())
                .isEqualTo("[\"supervisor\"]");
    }
}
