package dev.onewindow.gateway.problem;

import java.io.IOException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.channel.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;

/**
 * Turns every error that reaches the edge of the gateway into a problem+json answer: the gateway's own refusals
 * (413, 429), routing failures (503 naming the unavailable service, 504 on timeouts), framework errors (404 no route,
 * 405, 415, ...) and anything unexpected (500). A 5xx never carries an exception message.
 */
@Component
public class Problems {

    /** Route metadata key holding the service name a route leads to. */
    public static final String SERVICE_METADATA = "onewindow.service";

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private final ProblemWriter writer;

    public Problems(ProblemWriter writer) {
        this.writer = writer;
    }

    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            // the backend's answer is already on its way; nothing honest can be added, the connection is dropped
            return Mono.error(error);
        }
        return writer.write(exchange, toProblem(exchange, error));
    }

    GatewayProblem toProblem(ServerWebExchange exchange, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof GatewayProblem problem) {
                return problem;
            }
        }
        String service = service(exchange);
        if (isTimeout(error)) {
            return GatewayProblem.gatewayTimeout(service);
        }
        if (service != null && isUnavailable(error)) {
            log.debug("{} unavailable: {}", service, error.toString());
            return GatewayProblem.serviceUnavailable(service);
        }
        if (error instanceof AuthenticationException) {
            return simple(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "a valid bearer token is required");
        }
        if (error instanceof AccessDeniedException) {
            return simple(HttpStatus.FORBIDDEN, "FORBIDDEN", "your role does not allow this action");
        }
        if (error instanceof ResponseStatusException status) {
            HttpStatus resolved = HttpStatus.resolve(status.getStatusCode().value());
            if (resolved != null && resolved.is4xxClientError()) {
                return clientError(resolved, status.getHeaders());
            }
            if (resolved == HttpStatus.SERVICE_UNAVAILABLE) {
                return GatewayProblem.serviceUnavailable(service);
            }
        }
        log.error("request {} {} failed (requestId {})", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), exchange.getAttribute(
                        dev.onewindow.gateway.edge.RequestIds.ATTRIBUTE), error);
        return simple(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "an unexpected error occurred; quote the traceId when reporting it");
    }

    private static GatewayProblem clientError(HttpStatus status, HttpHeaders headers) {
        return switch (status) {
            case NOT_FOUND -> new GatewayProblem(status, "NOT_FOUND", "no resource at this path", Map.of(), null);
            case METHOD_NOT_ALLOWED -> new GatewayProblem(status, "METHOD_NOT_ALLOWED",
                    "this method is not allowed here", Map.of(), headers);
            case CONTENT_TOO_LARGE -> new GatewayProblem(status, "PAYLOAD_TOO_LARGE", "the request is too large",
                    Map.of(), null);
            case UNAUTHORIZED -> new GatewayProblem(status, "UNAUTHENTICATED", "a valid bearer token is required",
                    Map.of(), null);
            case FORBIDDEN -> new GatewayProblem(status, "FORBIDDEN", "your role does not allow this action",
                    Map.of(), null);
            default -> new GatewayProblem(status, status.name(), status.getReasonPhrase(), Map.of(), headers);
        };
    }

    private static GatewayProblem simple(HttpStatus status, String code, String detail) {
        return new GatewayProblem(status, code, detail, Map.of(), null);
    }

    /** The service the request was routed to, if routing got that far. */
    static String service(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return null;
        }
        Object name = route.getMetadata().get(SERVICE_METADATA);
        return name != null ? name.toString() : route.getId();
    }

    static boolean isTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException || t instanceof org.springframework.cloud.gateway.support.TimeoutException
                    || t instanceof io.netty.handler.timeout.TimeoutException // the response timeout (read timeout)
                    || t instanceof ResponseStatusException status && status.getStatusCode().value() == 504) {
                return true;
            }
        }
        return false;
    }

    static boolean isUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CallNotPermittedException || t instanceof ServiceUnavailableException
                    || t instanceof ConnectTimeoutException || t instanceof java.net.ConnectException
                    || t instanceof UnknownHostException || t instanceof PrematureCloseException
                    || t instanceof PoolAcquireTimeoutException || t instanceof AbortedException
                    || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
