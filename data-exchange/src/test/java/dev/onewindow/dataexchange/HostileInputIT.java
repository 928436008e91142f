package dev.onewindow.dataexchange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.onewindow.dataexchange.support.Exchange;
import dev.onewindow.dataexchange.support.People;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile text in what stewards and consumers write (a purpose, a pushed value, an objection) and hostile keys of a
 * pushed record: a 400 problem with a code, never a 5xx; an operator-like key never reaches the database.
 */
@IntegrationTest
class HostileInputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOSTILE = "@@hostile@@";

    @LocalServerPort
    int port;

    @Test
    void controlAndBidiCharactersAndOperatorKeysAreRefused() {
        ApiClient api = ApiClient.localPort(port);
        Exchange exchange = new Exchange(api);
        String code = Exchange.code("RSJ");
        exchange.registered("RSJ", code, Exchange.socialInsurance("UNCONDITIONAL"));
        for (String hostile : List.of("abc\u202Efdp.exe", "a\u0000b", "\u2066x\u2069", "\uD800", "bell\u0007")) {
            String request = JSON.writeValueAsString(Map.of("resourceCode", code, "fields", List.of("insuredStatus"),
                    "purpose", HOSTILE, "legalBasis", "依据", "validUntil", "2030-01-01T00:00:00Z"));
            Response refused = api.post("/api/v1/exchange/share-requests").token(People.steward("WSJKW"))
                    .body("application/json", withHostile(request, hostile)).send();
            assertThat(refused.status()).as(hostile + " " + refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            String push = JSON.writeValueAsString(Map.of("records", List.of(Map.of("idNumber", "341302199003071234",
                    "insuredStatus", HOSTILE))));
            assertThat(api.post("/api/v1/exchange/resources/" + code + "/records").token(People.steward("RSJ"))
                    .body("application/json", withHostile(push, hostile)).send().status()).isEqualTo(400);
        }
        for (String key : List.of("$where", "a.b", "")) {
            Response refused = exchange.push("RSJ", code, List.of(Map.of("idNumber", "341302199003071234", key, 1)));
            assertThat(refused.status()).as(key + " " + refused).isEqualTo(400);
            assertThat(refused.json().path("code").asString()).isNotBlank();
        }
        // a query key of the wrong shape
        String grant = exchange.requested("WSJKW", code, List.of("insuredStatus"), List.of(),
                Instant.now().plus(Duration.ofDays(1)), null).path("grantId").asString();
        for (Object key : List.of(Map.of("$gt", ""), List.of(1), true, "x".repeat(300))) {
            Response refused = api.post("/api/v1/exchange/queries").token(People.consumer("WSJKW"))
                    .json(Map.of("grantId", grant, "key", key)).send();
            assertThat(refused.status()).as(key + " " + refused).isEqualTo(400);
        }
        // multi-line text is fine where the contract says so
        Response twoLines = exchange.api().post("/api/v1/exchange/share-requests").token(People.steward("WSJKW"))
                .json(Map.of("resourceCode", code, "fields", List.of("insuredStatus"), "purpose", "核验参保。\n用于救助。",
                        "legalBasis", "依据", "validUntil", "2030-01-01T00:00:00Z")).send();
        assertThat(twoLines.status()).as(twoLines.toString()).isEqualTo(201);
    }

    private static String withHostile(String json, String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            escaped.append(c == '"' || c == '\\' ? "\\" + c
                    : c < 0x20 || c > 0x7E ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return json.replace(HOSTILE, escaped);
    }
}
