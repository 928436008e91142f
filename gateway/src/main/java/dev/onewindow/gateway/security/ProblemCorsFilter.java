package dev.onewindow.gateway.security;

import java.util.Map;

import dev.onewindow.gateway.problem.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for the configured browser origins, like Spring's {@code CorsWebFilter}, except that a refused origin gets a
 * 403 problem+json body instead of an empty 403. Requests without an {@code Origin} header pass untouched.
 */
final class ProblemCorsFilter implements WebFilter, Ordered {

    private final CorsConfiguration configuration;
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor();
    private final ProblemWriter writer;

    ProblemCorsFilter(CorsConfiguration configuration, ProblemWriter writer) {
        this.configuration = configuration;
        this.writer = writer;
    }

    @Override
    public int getOrder() {
        return TokenAuthenticationFilter.ORDER - 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        boolean valid = processor.process(configuration, exchange);
        if (!valid) {
            return writer.write(exchange, HttpStatus.FORBIDDEN, "CORS_ORIGIN_REFUSED",
                    "this origin, method or header is not allowed to call the OneWindow API", Map.of(),
                    HttpHeaders.EMPTY);
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }
}
