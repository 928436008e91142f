package dev.onewindow.elicense;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TokenMinter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The e-license application starts on the real infrastructure, reports ready and fails closed. */
@IntegrationTest
class ApplicationStartsIT {

    @LocalServerPort
    int port;

    @Test
    void isReadyAndRefusesCallsWithoutAValidToken() {
        ApiClient api = ApiClient.localPort(port);
        Response readiness = api.get("/actuator/health/readiness").send();
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus").send().rawBody()).contains("application=\"e-license\"");

        Response anonymous = api.get("/api/v1/licenses").send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        String forged = TokenMinter.shared().user("officer1", "window-officer").forged().mint();
        assertThat(api.get("/api/v1/licenses").token(forged).send().status()).isEqualTo(401);
    }
}
