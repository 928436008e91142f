package dev.onewindow.hotline;

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
 * The hotline's OpenAPI document, as a partner reads it: complete by the platform's contract (how to authenticate,
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
        // the category tree is public; everything about orders needs a token
        assertThat(open).contains("GET /api/v1/hotline/categories");
        assertThat(open).noneMatch(operation -> operation.contains("/api/v1/hotline/orders"));

        JsonNode register = paths.path("/api/v1/hotline/orders").path("post");
        assertThat(register.path("x-roles").toString())
                .isEqualTo("[\"citizen\",\"enterprise\",\"hotline-agent\",\"partner\"]");
        assertThat(paths.path("/api/v1/hotline/orders/{id}/sign").path("post").path("x-roles").toString())
                .isEqualTo("[\"dept-handler\"]");
        assertThat(paths.path("/api/v1/hotline/orders/{id}/dispatch").path("post").path("x-roles").toString())
                .isEqualTo("[\"hotline-dispatcher\"]");
        JsonNode id = paths.path("/api/v1/hotline/orders/{id}/sign").path("post").path("parameters").get(0);
        assertThat(id.path("schema").path("maxLength").asInt()).isEqualTo(36);
        JsonNode order = doc.path("components").path("schemas").path("WorkOrderResponse").path("properties");
        assertThat(order.path("status").path("enum").size()).isEqualTo(11);
        assertThat(order.path("text").path("maxLength").asInt()).isEqualTo(2000);
        // the caller comes from the token: it is no parameter
        assertThat(paths.path("/api/v1/hotline/orders/{id}").path("get").path("parameters").toString())
                .doesNotContain("caller");
    }
}
