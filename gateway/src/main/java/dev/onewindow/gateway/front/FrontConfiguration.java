package dev.onewindow.gateway.front;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.onewindow.gateway.GatewayApplication;
import dev.onewindow.gateway.config.GatewayProperties;
import dev.onewindow.gateway.config.GatewayProperties.ResolvedService;
import dev.onewindow.gateway.problem.ProblemWriter;
import dev.onewindow.gateway.ratelimit.ClientAddressResolver;
import dev.onewindow.gateway.ratelimit.ClientKey;
import dev.onewindow.gateway.ratelimit.RateLimitDecision;
import dev.onewindow.gateway.ratelimit.RequestRateLimiter;
import dev.onewindow.gateway.ratelimit.TokenBucketRateLimiter;
import dev.onewindow.gateway.routing.ServiceCallGuard;
import dev.onewindow.gateway.security.CachingJwtDecoder;
import dev.onewindow.gateway.security.PublicPaths;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The gateway front (on unless {@code onewindow.gateway.front.enabled=false}): the public port is served by
 * {@link FrontServer}, which forwards verified API calls to the services itself and relays everything else to the
 * gateway's Spring stack (Spring Cloud Gateway, its filters, the documentation page, actuator), which then listens on
 * loopback only ({@code onewindow.gateway.front.stack-port}, default a free port).
 *
 * <p>Why: on a 2-core machine a default Spring Cloud Gateway route reached 0.25 of a service's direct throughput and
 * even a bare Reactor Netty pass-through only 0.42–0.45, while a plain Netty pass-through reached 0.60–0.63 (see the
 * gateway README). The front keeps every protection of the gateway and applies it with the same objects the Spring
 * stack uses.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "onewindow.gateway.front.enabled", matchIfMissing = true)
public class FrontConfiguration {

    /** The Spring stack behind the front: loopback only, its own port. After Boot's own customizer (order 0). */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<NettyReactiveWebServerFactory> springStackOnLoopback(
            ConfigurableEnvironment environment) {
        int port = environment.getProperty("onewindow.gateway.front.stack-port", Integer.class, 0);
        return factory -> {
            factory.setAddress(InetAddress.getLoopbackAddress());
            factory.setPort(port);
        };
    }

    @Bean
    FrontServer frontServer(GatewayProperties properties, ServiceCallGuard guards, CachingJwtDecoder tokens,
            PublicPaths publicPaths, RequestRateLimiter limiter, ClientAddressResolver addresses,
            ProblemWriter problems, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
            MeterRegistry meters, ConfigurableEnvironment environment, ApplicationContext context) {
        int port = environment.getProperty("server.port", Integer.class, 8080);
        String address = environment.getProperty("server.address");
        Duration idle = environment.getProperty("server.netty.idle-timeout", Duration.class, Duration.ofSeconds(60));
        String pool = "spring.cloud.gateway.server.webflux.httpclient.pool.";
        int maxConnections = environment.getProperty(pool + "max-connections", Integer.class, 500);
        long maxIdleNanos = environment.getProperty(pool + "max-idle-time", Duration.class, Duration.ofSeconds(20))
                .toNanos();
        int eventLoops = Integer.getInteger(GatewayApplication.IO_WORKER_COUNT,
                GatewayApplication.ioWorkerCount(Runtime.getRuntime().availableProcessors()));
        Function<ClientKey, RateLimitDecision> limits = inProcessLimits(properties, limiter);

        Function<FrontServer.Transport, Front> fronts = transport -> {
            List<DirectRoute> routes = new ArrayList<>();
            for (String name : properties.services().keySet()) {
                ResolvedService service = properties.resolve(name);
                CircuitBreaker breaker = guards.breaker(name);
                URI uri = service.uri();
                if (breaker == null || !"http".equalsIgnoreCase(uri.getScheme())) {
                    continue; // e.g. https to the service: the Spring stack's client handles it
                }
                Upstream upstream = new Upstream(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(),
                        transport.channel(), (int) service.connectTimeout().toMillis(), maxConnections,
                        maxIdleNanos);
                for (String pattern : service.paths()) {
                    if (pattern.endsWith("/**") && pattern.length() > 3
                            && pattern.indexOf('*') == pattern.length() - 2 && pattern.indexOf('{') < 0) {
                        routes.add(new DirectRoute(name, pattern.substring(0, pattern.length() - 3), upstream,
                                breaker, service.timeLimit().toMillis(), service.responseTimeout().toMillis()));
                    }
                }
            }
            int stackPort = ((WebServerApplicationContext) context).getWebServer().getPort();
            Upstream stack = new Upstream(InetAddress.getLoopbackAddress().getHostAddress(), stackPort,
                    transport.channel(), 2_000, Integer.MAX_VALUE, maxIdleNanos);
            return new Front(routes, stack, problems, tracer.getIfAvailable(), propagator.getIfAvailable(),
                    addresses, tokens, publicPaths, limits, properties.maxBodySize(), meters);
        };
        return new FrontServer(address, port, idle, eventLoops, fronts, environment);
    }

    /**
     * The front counts direct calls itself when the buckets are in this process; with Redis-backed limits every call
     * takes the Spring stack's reactive limiter ({@code null} here).
     */
    private static Function<ClientKey, RateLimitDecision> inProcessLimits(GatewayProperties properties,
            RequestRateLimiter limiter) {
        if (!properties.rateLimit().enabled()) {
            return key -> RateLimitDecision.unlimited();
        }
        return limiter instanceof TokenBucketRateLimiter buckets ? buckets::tryAcquire : null;
    }
}
