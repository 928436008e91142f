package dev.onewindow.evaluation;

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
 * evaluation's OpenAPI document, as a partner reads it: complete by the platform's contract (how to authenticate,
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
        // the reasons, the published summary and the rating by code need no token; nothing else is open
        assertThat(open).containsExactlyInAnyOrder("GET /api/v1/evaluations/reasons",
                "GET /api/v1/evaluations/statistics/summary", "POST /api/v1/evaluations/ratings/by-code");
        assertThat(paths.path("/api/v1/evaluations/ratings").path("post").path("x-roles").toString())
                .isEqualTo("[\"citizen\",\"enterprise\"]");
        assertThat(paths.path("/api/v1/evaluations/appeals/{id}/decision").path("post").path("x-roles").toString())
                .isEqualTo("[\"eval-admin\"]");
        assertThat(paths.path("/api/v1/evaluations/rectifications/{id}/contact").path("get").path("x-roles")
                .toString()).isEqualTo("[\"auditor\",\"dept-admin\",\"dept-handler\",\"eval-admin\",\"supervisor\"]");
        JsonNode rating = doc.path("components").path("schemas").path("RatingResponse").path("properties");
        assertThat(rating.path("level").path("maximum").asInt()).isEqualTo(5);
        // the rater is never part of an answer
        assertThat(rating.has("raterRefs")).isFalse();
        assertThat(rating.has("contactMobile")).isFalse();
    }
}
