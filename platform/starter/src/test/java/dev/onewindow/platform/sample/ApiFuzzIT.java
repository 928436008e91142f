package dev.onewindow.platform.sample;

import java.util.UUID;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiFuzzer;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TokenMinter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The fuzz suite every service runs, on the sample service: driven by its OpenAPI document. */
@IntegrationTest
class ApiFuzzIT {

    @LocalServerPort
    int port;

    @Test
    void hostileInputToEveryOperationGetsA4xxProblemAndChangesNothing() {
        ApiClient api = ApiClient.localPort(port);
        String officer = TokenMinter.shared().user("officer1", "window-officer").dept("SCJGJ").region("341300").mint();
        String id = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/parcels").token(officer)
                .json("{\"id\":\"" + id + "\",\"region\":\"341300\",\"label\":\"tea\"}").send().status()).isEqualTo(201);
        JsonNode doc = api.get("/v3/api-docs").send().json();

        ApiFuzzer.Report report = ApiFuzzer.of(api, doc).caller(officer).pathValue("id", id)
                .body("POST /api/v1/parcels", () -> "{\"id\":\"" + id + "-new\",\"region\":\"341300\",\"label\":\"x\"}")
                .run();

        System.out.println("[fuzz] platform-sample: " + report);
        assertThat(report.requests()).isGreaterThan(200);
        assertThat(report.operations()).isEqualTo(doc.path("paths").properties().stream()
                .mapToInt(p -> p.getValue().size()).sum());
    }
}
