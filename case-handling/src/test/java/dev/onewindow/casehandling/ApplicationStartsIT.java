package dev.onewindow.casehandling;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.TokenMinter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case-handling application starts on the real infrastructure, reports ready and fails closed: only the health
 * probes answer without a token, and metrics only the monitoring client's.
 */
class ApplicationStartsIT extends CaseApiSupport {

    @Test
    void isReadyAndRefusesCallsWithoutAValidToken() {
        ApiClient api = api();
        Response readiness = api.get("/actuator/health/readiness").send();
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        // metrics are for the monitoring system's own client: Prometheus scrapes with client credentials
        Response scraped = api.get("/actuator/prometheus").token(TokenMinter.shared().client("prometheus").mint())
                .send();
        assertThat(scraped.status()).as(scraped.toString()).isEqualTo(200);
        assertThat(scraped.rawBody()).contains("application=\"case-handling\"");

        Response anonymous = api.get("/api/v1/cases").send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        String forged = TokenMinter.shared().user("officer1", "window-officer").forged().mint();
        assertThat(api.get("/api/v1/cases").token(forged).send().status()).isEqualTo(401);
    }

    @Test
    void onlyHealthIsAnonymousAndMetricsOnlyForTheMonitoringClient() {
        ApiClient api = api();
        for (String endpoint : new String[] {"/actuator/prometheus", "/actuator/info"}) {
            Response anonymous = api.get(endpoint).send();
            assertThat(anonymous.status()).as(endpoint + " " + anonymous).isEqualTo(401);
            assertThat(anonymous.contentType()).startsWith("application/problem+json");
            assertThat(anonymous.rawBody()).doesNotContain("jvm_");
        }
        String officer = TokenMinter.shared().user("officer1", "window-officer").dept("SCJGJ").region("341300").mint();
        Response staff = api.get("/actuator/prometheus").token(officer).send();
        assertThat(staff.status()).as(staff.toString()).isEqualTo(403);
        assertThat(staff.rawBody()).doesNotContain("jvm_");
        assertThat(api.get("/actuator/health/liveness").send().status()).isEqualTo(200);
    }
}
