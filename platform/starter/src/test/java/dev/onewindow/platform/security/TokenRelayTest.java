package dev.onewindow.platform.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import feign.RequestTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenRelayTest {

    @AfterEach
    void clearContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aUsersCallRelaysTheirOwnToken() {
        Jwt jwt = Jwt.withTokenValue("user-token").header("alg", "RS256").subject("citizen1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
        RequestTemplate request = new RequestTemplate();
        new TokenRelayInterceptor(unconfiguredServiceAccount()).apply(request);
        assertThat(request.headers().get("Authorization")).containsExactly("Bearer user-token");
    }

    @Test
    void backgroundWorkUsesTheServiceAccountTokenAndCachesIt() throws IOException {
        AtomicInteger tokenRequests = new AtomicInteger();
        HttpServer keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.createContext("/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(form).contains("grant_type=client_credentials").contains("client_id=case-handling");
            byte[] body = ("{\"access_token\":\"service-token-" + tokenRequests.incrementAndGet()
                    + "\",\"expires_in\":300}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        keycloak.start();
        try {
            SecurityProperties properties = new SecurityProperties("http://issuer", null, null, List.of(),
                    new SecurityProperties.ServiceAccount("case-handling", "secret",
                            "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/token", true), null);
            TokenRelayInterceptor relay = new TokenRelayInterceptor(new ServiceAccountTokens(properties,
                    Clock.fixed(Instant.parse("2026-02-13T02:00:00Z"), ZoneOffset.UTC)));
            RequestTemplate first = new RequestTemplate();
            RequestTemplate second = new RequestTemplate();
            relay.apply(first);
            relay.apply(second);
            assertThat(first.headers().get("Authorization")).containsExactly("Bearer service-token-1");
            assertThat(second.headers().get("Authorization")).containsExactly("Bearer service-token-1");
            assertThat(tokenRequests).hasValue(1);
        } finally {
            keycloak.stop(0);
        }
    }

    @Test
    void withoutUserOrServiceAccountNoHeaderIsInvented() {
        RequestTemplate request = new RequestTemplate();
        new TokenRelayInterceptor(unconfiguredServiceAccount()).apply(request);
        assertThat(request.headers()).doesNotContainKey("Authorization");
    }

    @Test
    void aServiceThatNeedsItsOwnClientRefusesToStartWithoutItsSecret() {
        assertThatThrownBy(() -> new SecurityProperties("http://issuer", null, null, List.of(),
                new SecurityProperties.ServiceAccount("case-handling", " ", null, true), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("onewindow.security.service-account.client-secret is not set");
        assertThatThrownBy(() -> new SecurityProperties("http://issuer", null, null, List.of(),
                new SecurityProperties.ServiceAccount(null, null, null, true), null))
                .hasMessageStartingWith("onewindow.security.service-account.client-id is not set");
    }

    private static ServiceAccountTokens unconfiguredServiceAccount() {
        return new ServiceAccountTokens(new SecurityProperties("http://issuer", null, null, null, null, null),
                Clock.systemUTC());
    }
}
