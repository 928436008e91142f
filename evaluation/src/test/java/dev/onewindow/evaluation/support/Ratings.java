package dev.onewindow.evaluation.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.Eventually;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Rating calls the integration tests make again and again. */
public final class Ratings {

    private final ApiClient api;

    public Ratings(ApiClient api) {
        this.api = api;
    }

    /** Waits until the rater sees the invitation for {@code subjectId} at {@code stage}; answers it. */
    public JsonNode awaitInvitation(String token, String subjectId, String stage) {
        JsonNode[] found = new JsonNode[1];
        Eventually.holds(Duration.ofSeconds(20), () -> {
            Response mine = api.get("/api/v1/evaluations/invitations/mine?size=100").token(token).send();
            assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
            found[0] = null;
            for (JsonNode item : mine.json().path("items")) {
                if (item.path("subjectId").asString().equals(subjectId) && item.path("stage").asString()
                        .equals(stage)) {
                    found[0] = item;
                }
            }
            assertThat(found[0]).as("invitation of " + subjectId + " " + stage).isNotNull();
        });
        return found[0];
    }

    public static Map<String, Object> rating(String type, String subjectId, String stage, int level,
            List<String> reasons) {
        Map<String, Object> body = new HashMap<>();
        body.put("subjectType", type);
        body.put("subjectId", subjectId);
        body.put("stage", stage);
        body.put("level", level);
        body.put("reasons", reasons);
        body.put("channel", "MOBILE_APP");
        return body;
    }

    public Response rate(String token, Map<String, Object> body) {
        return api.post("/api/v1/evaluations/ratings").token(token).json(body).send();
    }

    public JsonNode rated(String token, Map<String, Object> body) {
        Response rated = rate(token, body);
        assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
        return rated.json();
    }

    /** GET {@code path} with {@code token}, expecting 200. */
    public JsonNode read(String token, String path) {
        Response read = api.get(path).token(token).send();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json();
    }

    /** POST {@code path} with {@code body}, expecting 200. */
    public JsonNode step(String token, String path, Object body) {
        Response done = api.post(path).token(token).json(body).send();
        assertThat(done.status()).as(path + " " + done).isEqualTo(200);
        return done.json();
    }
}
