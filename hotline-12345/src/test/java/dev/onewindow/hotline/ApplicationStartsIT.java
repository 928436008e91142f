package dev.onewindow.hotline;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TokenMinter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The hotline application starts on the real infrastructure, reports ready and fails closed. */
@IntegrationTest
class ApplicationStartsIT {

    @LocalServerPort
    int port;

    @Test
    void isReadyAndRefusesCallsWithoutAValidToken() {
        ApiClient api = ApiClient.localPort(port);
        Response readiness = api.get("/actuator/health/readiness").send();
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        assertThat(api.get("/actuator/health/liveness").send().status()).isEqualTo(200);

        Response anonymous = api.get("/api/v1/hotline/orders").send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        String forged = TokenMinter.shared().user("agent1", "hotline-agent").forged().mint();
        assertThat(api.get("/api/v1/hotline/orders").token(forged).send().status()).isEqualTo(401);
        // the category tree is public
        assertThat(api.get("/api/v1/hotline/categories").send().status()).isEqualTo(200);
    }

    /** Metrics and the other actuator endpoints are for the monitoring client (Prometheus) only; health is public. */
    @Test
    void metricsAreForTheMonitoringClientOnly() {
        ApiClient api = ApiClient.localPort(port);
        for (String endpoint : new String[] {"/actuator/prometheus", "/actuator/info", "/actuator/metrics",
                "/actuator/env", "/actuator"}) {
            Response anonymous = api.get(endpoint).send();
            assertThat(anonymous.status()).as(endpoint + " " + anonymous).isEqualTo(401);
        }
        Response scraped = api.get("/actuator/prometheus").token(TokenMinter.shared().client("prometheus").mint())
                .send();
        assertThat(scraped.status()).as(scraped.toString()).isEqualTo(200);
        assertThat(scraped.rawBody()).contains("application=\"hotline-12345\"");
    }
}
