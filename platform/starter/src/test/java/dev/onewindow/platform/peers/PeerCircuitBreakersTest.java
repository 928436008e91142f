package dev.onewindow.platform.peers;

import java.time.Duration;

import dev.onewindow.platform.domain.DomainException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigurationProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** A flood of peer refusals (the callers' bad input) never opens a breaker; a failing peer does. */
class PeerCircuitBreakersTest {

    private final Resilience4JCircuitBreakerFactory factory = new Resilience4JCircuitBreakerFactory(
            CircuitBreakerRegistry.ofDefaults(), TimeLimiterRegistry.ofDefaults(), null,
            new Resilience4JConfigurationProperties());

    PeerCircuitBreakersTest() {
        new PeersAutoConfiguration().peerCircuitBreakers(new PeerProperties(Duration.ofSeconds(2), 50f, 10, 5,
                Duration.ofSeconds(30))).customize(factory);
    }

    private CircuitBreaker.State stateAfter(String id, RuntimeException failure) {
        for (int i = 0; i < 30; i++) {
            factory.create(id).run(() -> {
                throw failure;
            }, thrown -> "fallback");
        }
        return factory.getCircuitBreakerRegistry().circuitBreaker(id).getState();
    }

    @Test
    void peerRefusalsOfTheCallersInputNeverOpenTheBreaker() {
        assertThat(stateAfter("catalog-refusals", DomainException.invalid("VALIDATION_FAILED", "bad code")))
                .isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(stateAfter("catalog-not-found", DomainException.notFound("entry", "X")))
                .isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aFailingPeerOpensIt() {
        assertThat(stateAfter("catalog-down", new IllegalStateException("503 from the peer")))
                .isEqualTo(CircuitBreaker.State.OPEN);
    }
}
