package dev.onewindow.gateway.edge;

import java.util.concurrent.atomic.AtomicLong;

import dev.onewindow.gateway.config.GatewayProperties;
import dev.onewindow.gateway.problem.GatewayProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies above {@code onewindow.gateway.max-body-size} with 413: up front when
 * {@code Content-Length} says so (the backend sees nothing), and while streaming when the body comes chunked without
 * a length (the forwarded request is aborted as soon as the limit is crossed).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BodySizeLimitFilter implements WebFilter {

    private final DataSize limit;
    private final long maxBytes;

    public BodySizeLimitFilter(GatewayProperties properties) {
        this.limit = properties.maxBodySize();
        this.maxBytes = limit.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long declared = headers.getContentLength();
        if (declared > maxBytes) {
            return Mono.error(GatewayProblem.payloadTooLarge(limit));
        }
        if (declared >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange); // length known and within the limit, or no body at all
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> {
                    AtomicLong total = new AtomicLong();
                    return super.getBody().map(buffer -> {
                        if (total.addAndGet(buffer.readableByteCount()) > maxBytes) {
                            DataBufferUtils.release(buffer);
                            throw GatewayProblem.payloadTooLarge(limit);
                        }
                        return buffer;
                    });
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }
}
