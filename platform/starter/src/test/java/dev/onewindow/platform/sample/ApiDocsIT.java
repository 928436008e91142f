package dev.onewindow.platform.sample;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiDocsContract;
import dev.onewindow.platform.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform documents how to authenticate, who may call and what errors look like, for every service. */
@IntegrationTest
class ApiDocsIT {

    @LocalServerPort
    int port;

    @Test
    void theDocumentTellsAPartnerHowToAuthenticateWhoMayCallAndWhatErrorsLookLike() {
        JsonNode doc = ApiDocsContract.exportAndCheck(ApiClient.localPort(port));

        JsonNode scheme = doc.path("components").path("securitySchemes").path("keycloak");
        assertThat(scheme.path("flows").path("authorizationCode").path("tokenUrl").asString())
                .endsWith("/protocol/openid-connect/token");
        JsonNode register = doc.path("paths").path("/api/v1/parcels").path("post");
        assertThat(register.path("x-roles").toString()).isEqualTo("[\"window-officer\"]");
        assertThat(register.path("security").toString()).isEqualTo("[{\"keycloak\":[]}]");
        assertThat(register.path("responses").path("409").path("content").has("application/problem+json")).isTrue();
        assertThat(register.path("responses").path("201").path("headers").has("X-RateLimit-Limit")).isTrue();
        JsonNode ping = doc.path("paths").path("/api/v1/public/ping").path("get");
        assertThat(ping.path("x-public").asBoolean()).isTrue();
        assertThat(ping.path("responses").has("403")).isFalse();
        // a cacheable public read (onewindow.http-cache.public-reads): who may keep it, and the 304
        assertThat(ping.path("description").asString()).contains("`Cache-Control: public, max-age=60, "
                + "stale-while-revalidate=30`", "`private, no-cache`");
        assertThat(ping.path("responses").path("200").path("headers").has("ETag")).isTrue();
        assertThat(ping.path("responses").path("200").path("headers").has("Cache-Control")).isTrue();
        assertThat(ping.path("responses").path("304").path("headers").has("ETag")).isTrue();
        assertThat(ping.path("parameters").toString()).contains("If-None-Match");
        assertThat(doc.path("paths").path("/api/v1/parcels/{id}").path("get").path("responses").has("304")).isFalse();
        // the caller comes from the token: it is no parameter
        assertThat(doc.path("paths").path("/api/v1/parcels/{id}").path("get").path("parameters").toString())
                .doesNotContain("caller");
        assertThat(doc.path("servers").get(0).path("url").asString()).isEqualTo("/");
    }
}
