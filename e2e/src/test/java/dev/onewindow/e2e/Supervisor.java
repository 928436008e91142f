package dev.onewindow.e2e;

import java.time.Duration;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.Eventually;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What supervisor1 (效能监察 of the city, 341300) sees of one matter through the gateway: its alerts and 督办单. */
final class Supervisor {

    private static final ApiClient GATEWAY = ApiClient.at(LocalStack.GATEWAY);

    private Supervisor() {
    }

    /** Waits until supervision has raised an alert of {@code level} on the matter {@code subjectId}, and returns it. */
    static JsonNode awaitAlert(String subjectId, String level, Duration timeout) {
        JsonNode[] found = new JsonNode[1];
        Eventually.holds(timeout, () -> {
            found[0] = first(read("/api/v1/supervision/alerts?size=100&subjectId=" + subjectId), "level", level);
            assertThat(found[0]).as("a %s alert on %s", level, subjectId).isNotNull();
        });
        return found[0];
    }

    /** Waits until a supervision order about {@code subjectId} is open, and returns it. */
    static JsonNode awaitOrder(String subjectId, Duration timeout) {
        JsonNode[] found = new JsonNode[1];
        Eventually.holds(timeout, () -> {
            found[0] = first(read("/api/v1/supervision/orders?size=100&subjectId=" + subjectId), null, null);
            assertThat(found[0]).as("a supervision order on %s", subjectId).isNotNull();
        });
        return found[0];
    }

    private static JsonNode read(String path) {
        Response page = GATEWAY.get(path).token(Keycloak.login("supervisor1")).send();
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json();
    }

    private static JsonNode first(JsonNode page, String field, String value) {
        return page.get("items").values().stream()
                .filter(item -> field == null || item.get(field).asString().equals(value)).findFirst().orElse(null);
    }
}
