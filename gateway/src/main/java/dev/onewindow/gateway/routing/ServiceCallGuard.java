package dev.onewindow.gateway.routing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.netty.channel.EventLoop;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClientRequest;
import reactor.util.context.Context;

/**
 * Guards every call to a service: its Resilience4j circuit breaker (an open breaker answers at once; failures and
 * timeouts are recorded), the service's time limit for the whole call (pool wait, connect, request, response
 * headers) and its response timeout (time the service may stay silent once the request was sent). What Spring Cloud
 * Gateway's circuit-breaker filter plus a route response timeout do, but without their per-request cost: both of
 * those arm their timers on Reactor's shared parallel scheduler (a lock and a thread wake-up per call, twice), the
 * breaker was looked up per call, and each call went through extra operator layers. Here the time limit is a task on
 * the request's own Netty event loop, and the response timeout is Reactor Netty's read timeout on the backend
 * connection. Failed or timed-out calls are never retried (a POST may already have been executed).
 *
 * <p>Runs inside {@code NettyWriteResponseFilter} (order -1), as the route filter did: the guarded call ends when the
 * service's response headers arrive; streaming the body to a slow client is not the service's fault.
 */
public final class ServiceCallGuard implements GlobalFilter, Ordered {

    /** Reactor context key read by {@link #applyResponseTimeout}: the guarded route's response timeout. */
    private static final String RESPONSE_TIMEOUT = ServiceCallGuard.class.getName() + ".responseTimeout";

    private final Map<String, Guard> guards;

    ServiceCallGuard(Map<String, Guard> guards) {
        this.guards = Map.copyOf(new HashMap<>(guards));
    }

    /** One service's breaker and deadlines. */
    static final class Guard {
        private final CircuitBreaker breaker;
        private final Duration timeLimit;
        private final Context context;

        Guard(CircuitBreaker breaker, Duration timeLimit, Duration responseTimeout) {
            this.breaker = breaker;
            this.timeLimit = timeLimit;
            this.context = Context.of(RESPONSE_TIMEOUT, responseTimeout);
        }
    }

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Guard guard = route != null ? guards.get(route.getId()) : null;
        if (guard == null) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange)
                .contextWrite(guard.context)
                .timeout(deadline(exchange, guard.timeLimit))
                .transform(CircuitBreakerOperator.of(guard.breaker));
    }

    /**
     * Emits once the time limit has passed, timed on the event loop of the client's connection (a timer there costs
     * a heap insertion on the same thread); elsewhere on Reactor's parallel scheduler.
     */
    private static Mono<Long> deadline(ServerWebExchange exchange, Duration timeLimit) {
        EventLoop loop = eventLoop(exchange);
        if (loop == null) {
            return Mono.delay(timeLimit, Schedulers.parallel());
        }
        long millis = timeLimit.toMillis();
        return Mono.create(sink -> {
            ScheduledFuture<?> timer = loop.schedule(() -> sink.success(0L), millis, TimeUnit.MILLISECONDS);
            sink.onCancel(() -> timer.cancel(false));
        });
    }

    /** The event loop of the client's connection, or {@code null} when it cannot be told. */
    static EventLoop eventLoop(ServerWebExchange exchange) {
        try {
            Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
            return nativeRequest instanceof Connection connection ? connection.channel().eventLoop() : null;
        } catch (IllegalArgumentException notReactorNetty) {
            return null;
        }
    }

    /**
     * Sets the guarded route's response timeout on the backend request (Reactor Netty's read timeout: a handler on
     * the backend connection's pipeline, timed on its event loop). Registered on the gateway's HTTP client.
     */
    static void applyResponseTimeout(HttpClientRequest request, Connection connection) {
        Duration timeout = request.currentContextView().getOrDefault(RESPONSE_TIMEOUT, null);
        if (timeout != null) {
            request.responseTimeout(timeout);
        }
    }
}
