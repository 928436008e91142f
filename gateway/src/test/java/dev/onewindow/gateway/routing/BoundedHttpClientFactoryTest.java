package dev.onewindow.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import dev.onewindow.gateway.support.RecordingBackend;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The pool to a service refuses requests beyond {@code max-pending-acquires} at once instead of queueing them without
 * bound (Spring Cloud Gateway's own fixed pool sets no limit).
 */
class BoundedHttpClientFactoryTest {

    @Test
    void requestsBeyondThePendingLimitAreRefusedAtOnce() {
        RecordingBackend slow = RecordingBackend.start();
        slow.delay("/slow", Duration.ofSeconds(2));
        HttpClientProperties properties = new HttpClientProperties();
        properties.getPool().setType(HttpClientProperties.Pool.PoolType.FIXED);
        properties.getPool().setMaxConnections(1);
        properties.getPool().setAcquireTimeout(10_000L);
        ServerProperties server = new ServerProperties();
        BoundedHttpClientFactory factory = new BoundedHttpClientFactory(properties, server,
                new HttpClientSslConfigurer(properties.getSsl(), server, null) { }, List.of(), 1);
        ConnectionProvider provider = factory.buildConnectionProvider(properties);
        try {
            HttpClient client = HttpClient.create(provider).baseUrl(slow.uri());
            long start = System.nanoTime();

            // one call holds the only connection, one waits for it, the third finds the queue full
            List<String> outcomes = Flux.range(0, 3)
                    .flatMap(i -> client.get().uri("/slow").responseContent().aggregate().asString()
                            .map(body -> "answered")
                            .onErrorResume(error -> Mono.just(error.getClass().getSimpleName()
                                    + " after " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms")))
                    .collectList()
                    .block(Duration.ofSeconds(10));

            assertThat(outcomes).filteredOn(outcome -> outcome.equals("answered")).hasSize(2);
            assertThat(outcomes).filteredOn(outcome -> outcome.startsWith("PoolAcquirePendingLimitException"))
                    .singleElement().satisfies(refused -> assertThat(Long.parseLong(
                            refused.replaceAll("\\D+", " ").trim().split(" ")[0])).isLessThan(1000));
        } finally {
            provider.disposeLater().block(Duration.ofSeconds(5));
            slow.stop();
        }
    }
}
