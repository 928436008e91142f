package dev.onewindow.gateway.support;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.TokenMinter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one gateway context every integration test shares (same configuration, so Spring starts it once): the real
 * gateway on a random port, validating tokens from the test kit's token minter, routing to in-process stand-in
 * backends. {@link #SUPERVISION} has its own backend so it can be stopped, data-exchange one that closes kept-alive
 * connections ({@link #CLOSING}); hotline-12345 has a short response
 * timeout; partner and anonymous limits are small enough to reach in a test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayIntegrationTest {

    /** Serves every service except supervision. */
    protected static final RecordingBackend BACKEND = RecordingBackend.start();
    /** Serves supervision only; stopped and restarted by the resilience test. */
    protected static final RecordingBackend SUPERVISION = RecordingBackend.start();

    /** Serves data-exchange: closes each kept-alive connection under its second request (see ResilienceIT). */
    protected static final ClosingBackend CLOSING = ClosingBackend.start();

    protected static final TokenMinter TOKENS = TokenMinter.shared();

    @Value("${local.server.port}")
    protected int port;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("onewindow.security.issuer-uri", TOKENS::issuer);
        for (String service : new String[] {"service-catalog", "case-handling", "e-license", "hotline-12345",
                "evaluation"}) {
            registry.add("onewindow.gateway.services." + service + ".uri", BACKEND::uri);
        }
        registry.add("onewindow.gateway.services.data-exchange.uri", CLOSING::uri);
        registry.add("onewindow.gateway.services.supervision.uri", SUPERVISION::uri);
        registry.add("onewindow.gateway.services.hotline-12345.response-timeout", () -> "500ms");
        registry.add("onewindow.gateway.services.supervision.circuit-breaker.sliding-window-size", () -> "4");
        registry.add("onewindow.gateway.services.supervision.circuit-breaker.minimum-number-of-calls", () -> "2");
        registry.add("onewindow.gateway.services.supervision.circuit-breaker.wait-duration-in-open-state",
                () -> "1s");
        registry.add("onewindow.gateway.services.supervision.circuit-breaker.permitted-calls-in-half-open-state",
                () -> "1");
        registry.add("onewindow.gateway.rate-limit.partner.requests-per-second", () -> "1");
        registry.add("onewindow.gateway.rate-limit.partner.burst", () -> "3");
        registry.add("onewindow.gateway.rate-limit.user.requests-per-second", () -> "1000");
        registry.add("onewindow.gateway.rate-limit.user.burst", () -> "1000");
        registry.add("onewindow.gateway.rate-limit.anonymous.requests-per-second", () -> "5");
        registry.add("onewindow.gateway.rate-limit.anonymous.burst", () -> "30");
    }

    protected ApiClient api() {
        return ApiClient.localPort(port);
    }

    /** A valid token of a signed-in officer. */
    protected static String officerToken() {
        return TOKENS.user("officer1", "window-officer").dept("SCJGJ").region("341300").mint();
    }
}
