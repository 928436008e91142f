package dev.onewindow.gateway.edge;

import dev.onewindow.gateway.problem.GatewayProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Strict HTTP/1.1 at the edge (RFC 9112): refuses a request whose {@code Host} or framing is unsound
 * ({@link MessageFraming}) before anything else reads it — 400 {@code REQUEST_REJECTED}, or 501
 * {@code TRANSFER_CODING_NOT_IMPLEMENTED} for a transfer coding other than chunked — and one whose head
 * {@link FoldedLineGuard} found folded, as problem+json with
 * {@code Connection: close}, so the connection ends after this one answer and bytes the client sent after the head
 * are never taken for a further request. Inside {@link EdgeFilter} (request id, security headers, access line).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class StrictHttpFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpServerRequest reactorRequest = reactorRequest(request);
        if (reactorRequest instanceof Connection connection && FoldedLineGuard.isFolded(connection.channel())) {
            return Mono.error(MessageFraming.badRequest("a header field line of the request is folded (obs-fold)"));
        }
        boolean http11 = reactorRequest == null || reactorRequest.version().minorVersion() >= 1;
        GatewayProblem refused = MessageFraming.check(request.getHeaders(), http11);
        return refused == null ? chain.filter(exchange) : Mono.error(refused);
    }

    /**
     * Reactor Netty's own request, or {@code null} under another server (whose requests are then held to HTTP/1.1's
     * rules, and not looked at for folding).
     */
    private static HttpServerRequest reactorRequest(ServerHttpRequest request) {
        try {
            return ServerHttpRequestDecorator.getNativeRequest(request) instanceof HttpServerRequest reactorRequest
                    ? reactorRequest : null;
        } catch (IllegalArgumentException notReactorNetty) {
            return null;
        }
    }
}
