package dev.onewindow.gateway.problem;

import java.util.Map;

import dev.onewindow.gateway.ratelimit.RateLimitDecision;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * A refusal decided by the gateway itself (413, 429, ...), carried as an error signal to the problem writer. No stack
 * trace: these are expected outcomes, raised on hot paths.
 */
public final class GatewayProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String detail;
    private final Map<String, Object> extras;
    private final HttpHeaders headers;

    public GatewayProblem(HttpStatus status, String code, String detail, Map<String, Object> extras,
            HttpHeaders headers) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.extras = extras == null ? Map.of() : extras;
        this.headers = headers == null ? HttpHeaders.EMPTY : headers;
    }

    public static GatewayProblem tooManyRequests(RateLimitDecision refused) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
        refused.writeHeaders(headers::set);
        return new GatewayProblem(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS",
                "too many requests from this client; retry after " + refused.retryAfterSeconds() + " s", Map.of(),
                headers);
    }

    /** 503 naming the service (or "the service" when the route is not known). */
    public static GatewayProblem serviceUnavailable(String service) {
        return serviceProblem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                (service != null ? service : "the service") + " is unavailable, try again shortly", service);
    }

    /** 504 naming the service (or "the service" when the route is not known). */
    public static GatewayProblem gatewayTimeout(String service) {
        return serviceProblem(HttpStatus.GATEWAY_TIMEOUT, "GATEWAY_TIMEOUT",
                (service != null ? service : "the service") + " did not answer in time, try again shortly", service);
    }

    private static GatewayProblem serviceProblem(HttpStatus status, String code, String detail, String service) {
        return new GatewayProblem(status, code, detail, service == null ? Map.of() : Map.of("service", service),
                null);
    }

    /** 400 for a request the firewall or the HTTP decoder refuses; never says why (no echo of attacker input). */
    public static GatewayProblem requestRejected() {
        return new GatewayProblem(HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", "the request is malformed", Map.of(),
                null);
    }

    public static GatewayProblem payloadTooLarge(DataSize limit) {
        return new GatewayProblem(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                "the request body is larger than the limit of " + readable(limit), Map.of(), null);
    }

    private static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return size.toMegabytes() + " MB";
        }
        return bytes % 1024 == 0 ? size.toKilobytes() + " KB" : bytes + " bytes";
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public Map<String, Object> extras() {
        return extras;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** True when {@code error} or one of its causes is a gateway refusal (the client's fault, not the backend's). */
    public static boolean isCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof GatewayProblem) {
                return true;
            }
        }
        return false;
    }
}
