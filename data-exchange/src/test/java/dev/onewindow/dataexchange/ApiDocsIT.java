package dev.onewindow.dataexchange;

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
 * data-exchange's OpenAPI document, as a partner reads it: complete by the platform's contract (how to authenticate,
 * who may call, what errors look like, bounded input) and exported for the build's lint. Nothing is public, and the
 * demo provider's endpoint is not part of it.
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
            assertThat(path.getKey()).startsWith("/api/v1/exchange/");
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (operation.getValue().path("x-public").asBoolean(false)) {
                    open.add(operation.getKey().toUpperCase() + " " + path.getKey());
                }
                assertThat(operation.getValue().path("tags").size()).as(path.getKey() + " is tagged").isEqualTo(1);
            }
        }
        assertThat(open).isEmpty();
        assertThat(paths.path("/api/v1/exchange/queries").path("post").path("x-roles").toString())
                .isEqualTo("[\"data-consumer\"]");
        assertThat(paths.path("/api/v1/exchange/access-log/verification").path("get").path("x-roles").toString())
                .isEqualTo("[\"auditor\"]");
        assertThat(paths.path("/api/v1/exchange/share-requests/{id}/decision").path("post").path("x-roles")
                .toString()).isEqualTo("[\"data-steward\"]");
        assertThat(paths.path("/api/v1/exchange/resources").path("get").path("x-roles").toString())
                .contains("auditor").contains("window-officer").doesNotContain("citizen");
    }
}
