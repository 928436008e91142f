package dev.onewindow.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.onewindow.evaluation.support.People.Citizen;
import dev.onewindow.evaluation.support.Producers;
import dev.onewindow.evaluation.support.Ratings;
import dev.onewindow.platform.personal.LookupHasher;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile text in what raters write (the rating's words, the follow-up) and in the rating code: a 400 problem with
 * a code, never a 5xx, nothing stored; the words may still span lines.
 */
@IntegrationTest
class HostileInputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOSTILE = "@@hostile@@";

    @LocalServerPort
    int port;
    @Autowired
    LookupHasher hasher;
    @Autowired
    MongoTemplate mongo;

    @Test
    void controlAndBidiCharactersNeverReachARating() {
        ApiClient api = ApiClient.localPort(port);
        Citizen citizen = new Citizen("c-hostile", "341302199311110100");
        Ratings ratings = new Ratings(api);
        String caseId = UUID.randomUUID().toString();
        Producers.caseCompleted(caseId, hasher.hashIdNumber(citizen.idNumber()), "RSJ", "XK-HOSTILE", "PC_PORTAL",
                "APPROVED");
        String id = ratings.awaitInvitation(citizen.token(), caseId, "COMPLETION").path("id").asString();
        for (String hostile : List.of("abc\u202Efdp.exe", "a\u0000b", "\u2066x\u2069", "\uD800", "bell\u0007")) {
            Map<String, Object> body = new HashMap<>(Ratings.rating("CASE", caseId, "COMPLETION", 4, List.of()));
            body.put("text", HOSTILE);
            Response refused = api.post("/api/v1/evaluations/ratings").token(citizen.token())
                    .body("application/json", withHostile(body, hostile)).send();
            assertThat(refused.status()).as(hostile + " " + refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            Response code = api.post("/api/v1/evaluations/ratings/by-code")
                    .body("application/json", withHostile(Map.of("code", HOSTILE, "level", 5), hostile)).send();
            assertThat(code.status()).as(hostile + " " + code).isEqualTo(400);
        }
        assertThat(mongo.findById(id, org.bson.Document.class, "ratings").getString("status")).isEqualTo("INVITED");
        Map<String, Object> twoLines = new HashMap<>(Ratings.rating("CASE", caseId, "COMPLETION", 4, List.of()));
        twoLines.put("text", "办理很快。\n窗口人员耐心。");
        assertThat(ratings.rate(citizen.token(), twoLines).status()).isEqualTo(201);
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
