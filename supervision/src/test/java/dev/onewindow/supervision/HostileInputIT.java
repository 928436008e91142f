package dev.onewindow.supervision;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;

import static dev.onewindow.supervision.support.People.handler;
import static dev.onewindow.supervision.support.People.supervisor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile text in what supervisors and departments write (an order's reason, a reply): a 400 problem with a code,
 * never a 5xx, nothing stored; the words may still span lines.
 */
@IntegrationTest
class HostileInputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOSTILE = "@@hostile@@";

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    @Test
    void controlAndBidiCharactersNeverReachAnOrder() {
        ApiClient api = ApiClient.localPort(port);
        String subject = UUID.randomUUID().toString();
        for (String hostile : List.of("abc\u202Efdp.exe", "a\u0000b", "\u2066x\u2069", "\uD800", "bell\u0007")) {
            Response refused = api.post("/api/v1/supervision/orders").token(supervisor("341300"))
                    .body("application/json", withHostile(Map.of("source", "CASE", "subjectId", subject,
                            "region", "341302", "department", "GAJ", "reason", HOSTILE), hostile)).send();
            assertThat(refused.status()).as(hostile + " " + refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(mongo.count(Query.query(Criteria.where("subjectId").is(subject)), "orders")).isZero();

        Response opened = api.post("/api/v1/supervision/orders").token(supervisor("341300")).json(Map.of(
                "source", "CASE", "subjectId", subject, "region", "341302", "department", "GAJ",
                "reason", "超期未办结。\n请于两个工作日内说明。")).send();
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String id = opened.json().path("id").asString();
        Response reply = api.post("/api/v1/supervision/orders/" + id + "/reply").token(handler("GAJ", "341302"))
                .body("application/json", withHostile(Map.of("version", opened.json().path("version").asLong(),
                        "text", HOSTILE), "\u202E")).send();
        assertThat(reply.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/supervision/orders/" + id).token(handler("GAJ", "341302")).send().json()
                .path("status").asString()).isEqualTo("OPEN");
    }

    private static String withHostile(Object body, String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            escaped.append(c == '"' || c == '\\' ? "\\" + c
                    : c < 0x20 || c > 0x7E ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return JSON.writeValueAsString(body).replace(HOSTILE, escaped);
    }
}
