package dev.onewindow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import dev.onewindow.gateway.support.GatewayIntegrationTest;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.TokenMinter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The gateway's documentation page lists every service's OpenAPI document, fetched through the gateway. */
class ApiDocsIT extends GatewayIntegrationTest {

    @Test
    void swaggerConfigListsEveryConfiguredService() {
        Response response = api().get("/v3/api-docs/swagger-config").send();

        assertThat(response.status()).isEqualTo(200);
        List<String> urls = new ArrayList<>();
        for (JsonNode url : response.json().get("urls")) {
            urls.add(url.get("name").asString() + " " + url.get("url").asString());
        }
        assertThat(urls).containsExactlyInAnyOrder(
                "service-catalog /v3/api-docs/service-catalog",
                "case-handling /v3/api-docs/case-handling",
                "e-license /v3/api-docs/e-license",
                "data-exchange /v3/api-docs/data-exchange",
                "supervision /v3/api-docs/supervision",
                "hotline-12345 /v3/api-docs/hotline-12345",
                "evaluation /v3/api-docs/evaluation");
    }

    @Test
    void theSwaggerUiPageIsServedAnonymously() {
        Response page = api().get("/swagger-ui.html").send();
        assertThat(page.status()).isIn(200, 302);
        if (page.status() == 302) {
            page = api().get(page.header("Location")).send();
        }

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.rawBody()).containsIgnoringCase("swagger");
    }

    @Test
    void theDocsPageSignsInWithKeycloakUsingThePublicAppClientAndPkce() {
        Response initializer = api().get("/swagger-ui/swagger-initializer.js").send();

        assertThat(initializer.status()).isEqualTo(200);
        assertThat(initializer.rawBody()).contains("ui.initOAuth(").contains("\"clientId\":\"onewindow-app\"")
                .contains("\"usePkceWithAuthorizationCodeGrant\":true");
        // the page may fetch the token from the realm's origin, and nothing else outside the gateway
        String issuerOrigin = TokenMinter.shared().issuer().replaceAll("(https?://[^/]+).*", "$1");
        Response page = api().get("/swagger-ui/index.html").send();
        assertThat(page.header("Content-Security-Policy")).contains("connect-src 'self' " + issuerOrigin)
                .endsWith("script-src 'self'");
        Response redirect = api().get("/swagger-ui/oauth2-redirect.html").send();
        assertThat(redirect.status()).isEqualTo(200);
        assertThat(redirect.header("Content-Security-Policy")).contains("script-src 'self' 'unsafe-inline'");
        // an API answer keeps the strict default
        assertThat(api().get("/v3/api-docs/e-license").send().header("Content-Security-Policy"))
                .isEqualTo("default-src 'self'; frame-ancestors 'none'");
    }

    @Test
    void aServicesDocumentIsProxiedToItsApiDocsPathWithTheGatewaysHost() {
        Response response = api().get("/v3/api-docs/e-license").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(BACKEND.received("/v3/api-docs")).isNotEmpty().last().satisfies(received -> {
            assertThat(received.method()).isEqualTo("GET");
            assertThat(received.header("Host")).isEqualTo("127.0.0.1:" + port);
        });
    }
}
