package dev.onewindow.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GatewayPropertiesTest {

    private static GatewayProperties with(GatewayProperties.Service service) {
        return new GatewayProperties(Map.of("case-handling", service), null, null, null, null, null, null, null, null,
                null);
    }

    private static GatewayProperties.Service service(Duration response, Duration timeLimit,
            GatewayProperties.CircuitBreaker breaker) {
        return new GatewayProperties.Service(URI.create("http://case-handling:8080"), List.of("/api/v1/cases/**"),
                null, response, timeLimit, breaker, null);
    }

    @Test
    void aServiceTakesTheRouteDefaultsItDoesNotOverride() {
        GatewayProperties.ResolvedService resolved = with(service(null, null,
                new GatewayProperties.CircuitBreaker(null, 4, null, Duration.ofSeconds(1), null)))
                .resolve("case-handling");

        assertThat(resolved.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(resolved.responseTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(resolved.timeLimit()).as("connect + response").isEqualTo(Duration.ofSeconds(12));
        assertThat(resolved.circuitBreaker()).isEqualTo(
                new GatewayProperties.CircuitBreaker(50f, 4, 10, Duration.ofSeconds(1), 3));
        assertThat(resolved.apiDocs()).isTrue();
    }

    @Test
    void aTimeLimitShorterThanTheResponseTimeoutIsRefused() {
        GatewayProperties properties = with(service(Duration.ofSeconds(10), Duration.ofSeconds(1), null));

        assertThatThrownBy(() -> properties.resolve("case-handling")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("time-limit");
    }

    @Test
    void aServiceNeedsAUriAndPaths() {
        assertThatThrownBy(() -> with(new GatewayProperties.Service(null, List.of("/x/**"), null, null, null, null,
                null))).isInstanceOf(IllegalStateException.class).hasMessageContaining("uri");
        assertThatThrownBy(() -> with(new GatewayProperties.Service(URI.create("http://x"), null, null, null, null,
                null, null))).isInstanceOf(IllegalStateException.class).hasMessageContaining("paths");
    }

    @Test
    void defaultsAreSafe() {
        GatewayProperties properties = new GatewayProperties(null, null, null, null, null, null, null, null, null, null);

        assertThat(properties.maxBodySize().toMegabytes()).isEqualTo(10);
        assertThat(properties.rateLimit().enabled()).isTrue();
        assertThat(properties.rateLimit().redis().enabled()).isFalse();
        assertThat(properties.trustedProxies()).isEmpty();
        assertThat(properties.publicPaths()).isEmpty();
        assertThat(properties.responseCache().enabled()).isTrue();
        assertThat(properties.responseCache().maxSize().toMegabytes()).isEqualTo(32);
        assertThat(properties.responseCache().maxEntrySize().toKilobytes()).isEqualTo(512);
        assertThat(properties.responseCache().maxTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.connectionPool().maxPendingAcquires()).isEqualTo(1000);
    }

    @Test
    void theIssuerIsRequiredAndTheJwksDerivedFromIt() {
        assertThatThrownBy(() -> new TokenProperties(" ", null, null)).isInstanceOf(IllegalStateException.class);
        TokenProperties token = new TokenProperties("http://localhost:8180/realms/onewindow", null, null);
        assertThat(token.jwkSetUri()).isEqualTo("http://localhost:8180/realms/onewindow/protocol/openid-connect/certs");
        assertThat(token.audience()).isEqualTo("onewindow");
    }
}
