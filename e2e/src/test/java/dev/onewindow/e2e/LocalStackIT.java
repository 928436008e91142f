package dev.onewindow.e2e;

import java.util.Map;
import java.util.UUID;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack's promise, checked the way a newcomer would: the stack from {@code up.sh} answers a real Keycloak token
 * through the gateway, refuses missing and tampered tokens with problem+json, and keeps what was written through
 * the gateway across {@code down.sh} and {@code up.sh}.
 */
class LocalStackIT {

    private final ApiClient gateway = ApiClient.at(LocalStack.GATEWAY);

    @BeforeAll
    static void stack() {
        LocalStack.ensureUp();
    }

    @Test
    void aRealKeycloakTokenPassesTheGatewayAndBadOnesAreRefused() {
        // officer1's department (dept claim SCJGJ) exists in the catalog, registered now if demo data did not
        Response registered = gateway.post("/api/v1/catalog/departments").token(Keycloak.login("catalogadmin1"))
                .json(Map.of("code", "SCJGJ", "name", "宿州市市场监督管理局", "region", "341300")).send();
        assertThat(registered.status()).as(registered.toString()).isIn(201, 409);

        String officer = Keycloak.login("officer1");
        Response mine = gateway.get("/api/v1/catalog/departments/mine").token(officer).send();
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().get("code").asString()).isEqualTo("SCJGJ");

        Response anonymous = gateway.get("/api/v1/cases").send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        String tampered = officer.substring(0, officer.length() - 2) + (officer.endsWith("AA") ? "BB" : "AA");
        Response forged = gateway.get("/api/v1/catalog/departments/mine").token(tampered).send();
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theApiDocsPageSignsInWithKeycloakAndTriesACallThroughTheGateway() {
        // what Swagger UI's "Authorize" does on http://localhost:8080/swagger-ui.html, then "Try it out"
        Response initializer = gateway.get("/swagger-ui/swagger-initializer.js").send();
        assertThat(initializer.rawBody()).contains("\"clientId\":\"onewindow-app\"");
        String token = Keycloak.signInFromPage("citizen1", LocalStack.GATEWAY,
                LocalStack.GATEWAY + "/swagger-ui/oauth2-redirect.html");

        Response mine = gateway.get("/api/v1/cases/mine").token(token).send();

        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.header("X-RateLimit-Limit")).isNotBlank();
        assertThat(mine.header("X-RateLimit-Remaining")).isNotBlank();
    }

    @Test
    void dataWrittenThroughTheGatewaySurvivesARestartOfTheStack() {
        String admin = Keycloak.login("catalogadmin1");
        String code = "E2E" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        Response created = gateway.post("/api/v1/catalog/departments").token(admin)
                .json(Map.of("code", code, "name", "端到端测试局", "region", "341300")).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        LocalStack.restart();

        Response read = gateway.get("/api/v1/catalog/departments/" + code).send();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("name").asString()).isEqualTo("端到端测试局");
    }
}
