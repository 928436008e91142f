package dev.onewindow.casehandling;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.TokenMinter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The case-handling application starts on the real infrastructure, reports ready and fails closed. */
class ApplicationStartsIT extends CaseApiSupport {

    @Test
    void isReadyAndRefusesCallsWithoutAValidToken() {
        ApiClient api = api();
        Response readiness = api.get("/actuator/health/readiness").send();
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus").send().rawBody()).contains("application=\"case-handling\"");

        Response anonymous = api.get("/api/v1/cases").send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        String forged = TokenMinter.shared().user("officer1", "window-officer").forged().mint();
        assertThat(api.get("/api/v1/cases").token(forged).send().status()).isEqualTo(401);
    }
}
