package dev.onewindow.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.onewindow.gateway.edge.RequestIds;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem body in the shape every OneWindow service uses: {@code type} derived from the stable
 * {@code code}, {@code title} = reason phrase, {@code status}, {@code detail}, {@code code}, {@code traceId}.
 */
@Component
public class ProblemWriter {

    static final String TYPE_PREFIX = "urn:onewindow:problem:";

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, GatewayProblem problem) {
        return write(exchange, problem.status(), problem.code(), problem.detail(), problem.extras(),
                problem.headers());
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String detail,
            Map<String, Object> extras, HttpHeaders extraHeaders) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] bytes = body(status, code, detail, traceId(exchange), extras);

        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        // whatever a backend may have started to send is replaced by the problem
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(bytes.length);
        extraHeaders.forEach(headers::put);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }

    /** The problem document itself; {@code traceId} may be null. */
    public byte[] body(HttpStatus status, String code, String detail, String traceId, Map<String, Object> extras) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-'));
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("code", code);
        if (traceId != null) {
            body.put("traceId", traceId);
        }
        body.putAll(extras);
        return json.writeValueAsBytes(body);
    }

    /**
     * The trace id of the request's server observation (Micrometer Tracing), else the request id, so that a problem
     * body always carries something a support engineer can search the logs for.
     */
    public static String traceId(ServerWebExchange exchange) {
        ServerRequestObservationContext context = ServerRequestObservationContext
                .findCurrent(exchange.getAttributes()).orElse(null);
        if (context != null) {
            TracingObservationHandler.TracingContext tracing = context
                    .get(TracingObservationHandler.TracingContext.class);
            Span span = tracing != null ? tracing.getSpan() : null;
            String traceId = span != null ? span.context().traceId() : null;
            if (traceId != null && !traceId.isEmpty()) {
                return traceId;
            }
        }
        return exchange.getAttribute(RequestIds.ATTRIBUTE);
    }
}
