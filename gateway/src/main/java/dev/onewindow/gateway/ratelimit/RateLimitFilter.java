package dev.onewindow.gateway.ratelimit;

import dev.onewindow.gateway.edge.AccessLog;
import dev.onewindow.gateway.problem.GatewayProblem;
import dev.onewindow.gateway.security.TokenAuthenticationFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Counts every routed request against its client's bucket (partner client id, user, or anonymous address) and
 * refuses it with 429 and {@code Retry-After} when the bucket is empty. Every answer tells the client its burst and
 * what is left of it ({@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining}). Runs after token validation,
 * before the circuit breaker, so refused calls never reach a backend.
 */
public final class RateLimitFilter implements GlobalFilter, Ordered {

    private final RequestRateLimiter limiter;
    private final ClientAddressResolver addresses;

    public RateLimitFilter(RequestRateLimiter limiter, ClientAddressResolver addresses) {
        this.limiter = limiter;
        this.addresses = addresses;
    }

    @Override
    public int getOrder() {
        return -100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Jwt jwt = exchange.getAttribute(TokenAuthenticationFilter.JWT);
        ClientKey key = jwt != null ? ClientKey.of(jwt) : ClientKey.anonymous(addresses.resolve(exchange.getRequest()));
        exchange.getAttributes().put(AccessLog.CLIENT_CLASS, key.clientClass().label());
        return limiter.acquire(key).flatMap(decision -> {
            if (!decision.allowed()) {
                return Mono.error(GatewayProblem.tooManyRequests(decision));
            }
            decision.writeHeaders(exchange.getResponse().getHeaders()::set);
            return chain.filter(exchange);
        });
    }
}
