package dev.onewindow.gateway.routing;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.onewindow.gateway.cache.PublicReadCacheFilter;
import dev.onewindow.gateway.cache.PublicResponseCache;
import dev.onewindow.gateway.config.GatewayProperties;
import dev.onewindow.gateway.config.GatewayProperties.ResolvedService;
import dev.onewindow.gateway.edge.TracePropagation;
import dev.onewindow.gateway.problem.GatewayProblem;
import dev.onewindow.gateway.problem.Problems;
import dev.onewindow.gateway.security.PublicPaths;
import dev.onewindow.gateway.security.TokenAuthenticationFilter;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.tracing.propagation.Propagator;
import io.netty.channel.ChannelOption;
import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * One route per configured service ({@code /api/v1/cases/**} → case-handling, paths forwarded unchanged) guarded by
 * the service's own Resilience4j circuit breaker with an explicit time limit ({@link ServiceCallGuard}), plus one
 * public route per service for its OpenAPI document ({@code /v3/api-docs/<service>} → the service's
 * {@code /v3/api-docs}), which the gateway's Swagger UI lists. Failed or timed-out calls are not retried: a POST may
 * already have been executed. A service with public {@code GET}s also gets a public-reads route ahead of its own
 * ({@code <service>-public-reads}): anonymous {@code GET}s on the allow-list only, with the response cache
 * ({@link PublicReadCacheFilter}) and the same breaker; nothing with credentials ever takes it.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceRoutesConfiguration {

    /** Suffix of the route id of a service's anonymous public reads (the route with the response cache). */
    public static final String PUBLIC_READS = "-public-reads";

    @Bean
    RouteLocator serviceRoutes(RouteLocatorBuilder builder, GatewayProperties properties, PublicPaths publicPaths,
            PublicResponseCache cache) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        long defaultConnectMillis = properties.routeDefaults().connectTimeout().toMillis();
        if (properties.responseCache().enabled()) {
            // first: a service's anonymous public GETs take this route, with the response cache; everything else of
            // the service (any request with credentials, any other method or path) its plain route below
            for (String name : properties.services().keySet()) {
                ResolvedService service = properties.resolve(name);
                if (!publicPaths.anyUnder(HttpMethod.GET, service.paths())) {
                    continue;
                }
                long connectMillis = service.connectTimeout().toMillis();
                routes.route(name + PUBLIC_READS, route -> {
                    var spec = route.path(service.paths().toArray(String[]::new))
                            .and().method(HttpMethod.GET)
                            .and().predicate(exchange -> isAnonymousPublicRead(exchange, publicPaths))
                            .filters(filters -> filters.filter(new PublicReadCacheFilter(name, cache),
                                    PublicReadCacheFilter.ORDER))
                            .metadata(Problems.SERVICE_METADATA, name);
                    if (connectMillis != defaultConnectMillis) {
                        spec = spec.metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, (int) connectMillis);
                    }
                    return spec.uri(service.uri());
                });
            }
        }
        for (String name : properties.services().keySet()) {
            ResolvedService service = properties.resolve(name);
            long connectMillis = service.connectTimeout().toMillis();
            // circuit breaker, time limit and response timeout: ServiceCallGuard (by route id = service name)
            routes.route(name, route -> {
                var spec = route.path(service.paths().toArray(String[]::new))
                        .metadata(Problems.SERVICE_METADATA, name);
                if (connectMillis != defaultConnectMillis) {
                    // per-route connect timeouts cost a client copy per request; only when a service needs its own
                    spec = spec.metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, (int) connectMillis);
                }
                return spec.uri(service.uri());
            });
        }
        // the documentation routes after all API routes: API requests find their route sooner
        for (String name : properties.services().keySet()) {
            ResolvedService service = properties.resolve(name);
            long responseMillis = service.responseTimeout().toMillis();
            if (service.apiDocs()) {
                routes.route(name + "-api-docs", route -> route.path("/v3/api-docs/" + name)
                        .and().method(HttpMethod.GET)
                        // the service then describes itself with the gateway's address ("servers")
                        .filters(filters -> filters.setPath("/v3/api-docs").preserveHostHeader())
                        .metadata(Problems.SERVICE_METADATA, name)
                        .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, responseMillis)
                        .uri(service.uri()));
            }
        }
        return routes.build();
    }

    /** A GET on the public allow-list without any credential: the only requests the response cache sees. */
    static boolean isAnonymousPublicRead(ServerWebExchange exchange, PublicPaths publicPaths) {
        ServerHttpRequest request = exchange.getRequest();
        return !PublicReadCacheFilter.hasCredentials(request.getHeaders())
                && exchange.getAttribute(TokenAuthenticationFilter.JWT) == null
                && publicPaths.isPublic(HttpMethod.GET, request.getPath().pathWithinApplication());
    }

    /**
     * Each service's breaker (count-based window; created in the registry of Spring Cloud's Resilience4j factory,
     * which publishes the {@code resilience4j.circuitbreaker.*} metrics), with an explicit time limit (never
     * Resilience4j's 1 s default) and response timeout, applied by {@link ServiceCallGuard}.
     */
    @Bean
    ServiceCallGuard serviceCallGuard(GatewayProperties properties, ReactiveResilience4JCircuitBreakerFactory factory) {
        CircuitBreakerRegistry registry = factory.getCircuitBreakerRegistry();
        Map<String, ServiceCallGuard.Guard> guards = new HashMap<>();
        for (String name : properties.services().keySet()) {
            ResolvedService service = properties.resolve(name);
            GatewayProperties.CircuitBreaker breaker = service.circuitBreaker();
            CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                    .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(breaker.slidingWindowSize())
                    // every event loop records into the same window: compare-and-set, not a monitor
                    .slidingWindowSynchronizationStrategy(
                            CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.LOCK_FREE)
                    .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                    .failureRateThreshold(breaker.failureRateThreshold())
                    .waitDurationInOpenState(breaker.waitDurationInOpenState())
                    .permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
                    // an oversize upload or a rate-limit refusal is the client's fault, not the service's
                    .recordException(error -> !GatewayProblem.isCause(error))
                    .build();
            ServiceCallGuard.Guard guard = new ServiceCallGuard.Guard(registry.circuitBreaker(name, config),
                    service.timeLimit(), service.responseTimeout());
            guards.put(name, guard);
            guards.put(name + PUBLIC_READS, guard); // one breaker per service, whichever of its routes is taken
        }
        return new ServiceCallGuard(guards);
    }

    /** The guarded route's response timeout on each backend request (see {@link ServiceCallGuard}). */
    @Bean
    HttpClientCustomizer responseTimeouts() {
        return client -> client.doOnRequest(ServiceCallGuard::applyResponseTimeout);
    }

    /**
     * The gateway's trace continued into each backend request ({@link TracePropagation}); Spring Cloud Gateway's own
     * client observation is off ({@code spring.cloud.gateway.server.webflux.observability.enabled=false}).
     */
    @Bean
    HttpClientCustomizer tracePropagation(ObjectProvider<Propagator> propagator) {
        Propagator available = propagator.getIfAvailable();
        if (available == null) {
            return client -> client;
        }
        TracePropagation propagation = new TracePropagation(available);
        return client -> client.doOnRequest(propagation::inject);
    }

    /** Strips forged forwarding headers without copying every request's headers (see {@link ForwardedHeaders}). */
    @Bean
    HttpHeadersFilter forwardedHeaders() {
        return new ForwardedHeaders();
    }

    @Bean
    static BeanDefinitionRegistryPostProcessor replaceForwardedHeaderFilters() {
        return ForwardedHeaders.replaceGatewayFilters();
    }

    /** The gateway's HTTP client to the services, with a bounded queue for pooled connections. */
    @Bean
    BoundedHttpClientFactory boundedHttpClientFactory(HttpClientProperties httpClient, ServerProperties server,
            HttpClientSslConfigurer ssl, List<HttpClientCustomizer> customizers, GatewayProperties properties) {
        return new BoundedHttpClientFactory(httpClient, server, ssl, customizers,
                properties.connectionPool().maxPendingAcquires());
    }

    /** The default connect timeout, set once on the shared client (see the per-route note above). */
    @Bean
    HttpClientCustomizer connectTimeout(GatewayProperties properties) {
        int millis = (int) properties.routeDefaults().connectTimeout().toMillis();
        return client -> client.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, millis);
    }

    /** Lists every service's OpenAPI document on the gateway's Swagger UI, unless urls were configured by hand. */
    @Bean
    SmartInitializingSingleton apiDocsUrls(ObjectProvider<SwaggerUiConfigProperties> swaggerUi,
            GatewayProperties properties) {
        return () -> swaggerUi.ifAvailable(ui -> {
            if (ui.getUrls() != null && !ui.getUrls().isEmpty()) {
                return;
            }
            Set<SwaggerUrl> urls = new LinkedHashSet<>();
            properties.services().forEach((name, service) -> {
                if (service.apiDocs()) {
                    urls.add(new SwaggerUrl(name, "/v3/api-docs/" + name, name));
                }
            });
            ui.setUrls(urls);
        });
    }

}
