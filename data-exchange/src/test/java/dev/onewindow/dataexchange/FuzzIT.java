package dev.onewindow.dataexchange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.onewindow.dataexchange.support.Exchange;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiFuzzer;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TokenMinter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzz suite, driven by data-exchange's own OpenAPI document: hostile paths, queries, headers and bodies against
 * every operation — never a 5xx, every 4xx a problem with a {@code code}, and a record every hostile request to it
 * was refused reads the same afterwards. The caller holds every role in department WSJKW, which consumes a dataset
 * of RSJ under a grant; {@code id} points at that grant (and its request), {@code code} at the resource.
 */
@IntegrationTest
class FuzzIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void hostileInputToEveryOperationGetsA4xxProblemAndChangesNothing() {
        ApiClient api = ApiClient.localPort(port);
        Exchange exchange = new Exchange(api);
        JsonNode doc = api.get("/v3/api-docs").send().json();
        int documented = doc.path("paths").properties().stream().mapToInt(p -> p.getValue().size()).sum();
        String code = Exchange.code("RSJ");
        exchange.registered("RSJ", code, Exchange.socialInsurance("UNCONDITIONAL"));
        String grant = exchange.requested("WSJKW", code, List.of("idNumber", "insuredStatus"), List.of(),
                Instant.now().plus(Duration.ofDays(30)), null).path("grantId").asString();
        String everyone = TokenMinter.shared().user("fuzz-everyone", "window-officer", "dept-admin", "data-steward",
                "data-consumer", "auditor").dept("WSJKW").region("341300").mint();

        ApiFuzzer.Report report = ApiFuzzer.of(api, doc).caller(everyone)
                .pathValue("id", grant)
                .pathValue("code", code)
                .queryValue("lane", "0")
                .body("POST /api/v1/exchange/resources", () -> JSON.writeValueAsString(Map.of("code",
                        Exchange.code("WSJKW"), "definition", Exchange.socialInsurance("UNCONDITIONAL"))))
                .body("PUT /api/v1/exchange/resources/{code}", () -> JSON.writeValueAsString(Map.of("version", 0,
                        "definition", Exchange.socialInsurance("UNCONDITIONAL"))))
                .body("POST /api/v1/exchange/resources/{code}/records", () -> "{\"records\":[{\"idNumber\":"
                        + "\"341302199003071234\",\"insuredStatus\":\"正常参保\"}]}")
                .body("POST /api/v1/exchange/share-requests", () -> JSON.writeValueAsString(Map.of("resourceCode",
                        code, "fields", List.of("insuredStatus"), "purpose", "核验", "legalBasis", "依据",
                        "validUntil", "2030-01-01T00:00:00Z")))
                .body("POST /api/v1/exchange/share-requests/{id}/decision", () -> "{\"approve\":true}")
                .body("POST /api/v1/exchange/grants/{id}/revocation", () -> "{\"reason\":\"到期\"}")
                .body("POST /api/v1/exchange/queries", () -> JSON.writeValueAsString(Map.of("grantId", grant,
                        "key", "341302199003071234")))
                .body("POST /api/v1/exchange/subscriptions", () -> JSON.writeValueAsString(Map.of("grantId", grant)))
                .body("POST /api/v1/exchange/objections", () -> JSON.writeValueAsString(Map.of("grantId", grant,
                        "fields", List.of("insuredStatus"), "description", "有误")))
                .body("POST /api/v1/exchange/objections/{id}/resolution",
                        () -> "{\"resolution\":\"CONFIRMED\",\"reply\":\"无误\"}")
                .body("POST /api/v1/exchange/access-log/verification", () -> "{\"checkpointId\":\"x\",\"sealedAt\":"
                        + "\"2026-01-01T00:00:00Z\",\"heads\":[{\"lane\":0,\"seq\":0,\"hash\":\"" + "0".repeat(64)
                        + "\"}],\"kid\":\"dx-dev-es256\",\"signature\":\"AA==\"}")
                .run();
        System.out.println("[fuzz] data-exchange: " + report);
        assertThat(report.operations()).isEqualTo(documented);
        assertThat(report.requests()).isGreaterThan(500);
    }
}
