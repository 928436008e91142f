package dev.onewindow.gateway.routing;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientFactory;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;
import reactor.netty.resources.ConnectionProvider;

/**
 * Spring Cloud Gateway's HTTP client to the services with a bounded wait for connections: its own factory builds the
 * fixed pool with an unbounded queue of pending acquires ({@code pendingAcquireMaxCount(-1)}), so under a flood every
 * request beyond {@code max-connections} per service waits in memory for up to the acquire timeout. Here at most
 * {@code onewindow.gateway.connection-pool.max-pending-acquires} wait per service; the next one is refused at once
 * (503 {@code SERVICE_UNAVAILABLE}). Every other pool setting is Spring Cloud Gateway's
 * ({@code spring.cloud.gateway.server.webflux.httpclient.pool.*}); Reactor Netty keeps one such pool per service
 * address.
 */
final class BoundedHttpClientFactory extends HttpClientFactory {

    private final int maxPendingAcquires;

    BoundedHttpClientFactory(HttpClientProperties properties, ServerProperties serverProperties,
            HttpClientSslConfigurer sslConfigurer, List<HttpClientCustomizer> customizers, int maxPendingAcquires) {
        super(properties, serverProperties, sslConfigurer, customizers);
        this.maxPendingAcquires = maxPendingAcquires;
    }

    @Override
    protected ConnectionProvider buildConnectionProvider(HttpClientProperties properties) {
        HttpClientProperties.Pool pool = properties.getPool();
        if (pool.getType() != HttpClientProperties.Pool.PoolType.FIXED) {
            return super.buildConnectionProvider(properties);
        }
        ConnectionProvider.Builder builder = ConnectionProvider.builder(pool.getName())
                .maxConnections(pool.getMaxConnections())
                .pendingAcquireMaxCount(maxPendingAcquires)
                .pendingAcquireTimeout(Duration.ofMillis(pool.getAcquireTimeout()))
                .evictInBackground(pool.getEvictionInterval())
                .metrics(pool.isMetrics());
        if (pool.getMaxIdleTime() != null) {
            builder.maxIdleTime(pool.getMaxIdleTime());
        }
        if (pool.getMaxLifeTime() != null) {
            builder.maxLifeTime(pool.getMaxLifeTime());
        }
        if (pool.getLeasingStrategy() == HttpClientProperties.Pool.LeasingStrategy.LIFO) {
            builder.lifo();
        } else {
            builder.fifo();
        }
        return builder.build();
    }

    int maxPendingAcquires() {
        return maxPendingAcquires;
    }
}
