package dev.onewindow.hotline.support;

import java.util.HashMap;
import java.util.Map;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Work-order calls the integration tests make again and again, each checking it succeeded. */
public final class Orders {

    private final ApiClient api;

    public Orders(ApiClient api) {
        this.api = api;
    }

    /** A phone call an agent registers: a complaint of {@code category} in {@code region}. */
    public static Map<String, Object> phoneCall(String category, String region, String urgency, String address) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "PHONE");
        body.put("caller", Map.of("name", "王小明", "mobile", "13812345678", "anonymous", false,
                "confidential", false));
        body.put("demandType", "COMPLAINT");
        body.put("categoryCode", category);
        body.put("address", address);
        body.put("region", region);
        body.put("urgency", urgency);
        body.put("text", "晚上十一点后楼下仍有噪声，影响休息。");
        return body;
    }

    public JsonNode register(String token, Map<String, Object> body) {
        Response created = api.post("/api/v1/hotline/orders").token(token).json(body).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** POST {@code /orders/{id}/<step>} with {@code body} (or none), expecting 200. */
    public JsonNode step(String token, String id, String step, Object body) {
        Response answered = call(token, id, step, body);
        assertThat(answered.status()).as(step + " " + answered).isEqualTo(200);
        return answered.json();
    }

    public Response call(String token, String id, String step, Object body) {
        ApiClient.Call call = api.post("/api/v1/hotline/orders/" + id + "/" + step).token(token);
        return (body == null ? call : call.json(body)).send();
    }

    public JsonNode get(String token, String id) {
        Response read = api.get("/api/v1/hotline/orders/" + id).token(token).send();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json();
    }
}
