package dev.onewindow.gateway.edge;

import dev.onewindow.gateway.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The outermost filter: gives the request its id (kept from a trusted-looking {@code X-Request-Id}, else generated),
 * forwards it to the backend and echoes it, adds the security headers ({@link SecurityHeaders}), answers every error
 * below it as problem+json, and writes the access log line once the answer is complete.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class EdgeFilter implements WebFilter {

    private final Problems problems;

    public EdgeFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        String incoming = exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER);
        String requestId;
        ServerWebExchange current;
        if (RequestIds.isSafe(incoming)) {
            requestId = incoming;
            current = exchange;
        } else {
            requestId = RequestIds.generate();
            current = exchange.mutate().request(r -> r.headers(h -> h.set(RequestIds.HEADER, requestId))).build();
        }
        current.getAttributes().put(RequestIds.ATTRIBUTE, requestId);
        ServerHttpResponse response = current.getResponse();
        ServerWebExchange routed = current;
        // at commit, after the backend's headers were copied: a backend's own X-Request-Id cannot duplicate or
        // replace ours, and the security headers are added only where the backend did not set them
        response.beforeCommit(() -> {
            response.getHeaders().set(RequestIds.HEADER, requestId);
            SecurityHeaders.apply(routed);
            return Mono.empty();
        });
        return chain.filter(routed)
                .onErrorResume(error -> problems.handle(routed, error))
                .doFinally(signal -> AccessLog.record(routed, start, signal));
    }
}
