package dev.onewindow.platform.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure a client can act on, answered as RFC 9457 problem+json with a stable {@code code}. Its message is the
 * problem's {@code detail} and must be safe to show to the caller (no personal data, no internals).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiException(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public static ApiException badRequest(String code, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, detail);
    }

    /** A missing record — and, by design, a record the caller may not see (indistinguishable from missing). */
    public static ApiException notFound(String what, Object id) {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " " + id + " was not found");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", detail);
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, detail);
    }

    /** A command that the aggregate's current state does not allow; names the current state for the client. */
    public static ApiException illegalState(Object currentState, String attempted) {
        return new ApiException(HttpStatus.CONFLICT, "ILLEGAL_STATE_TRANSITION",
                "cannot " + attempted + " in state " + currentState)
                .with("currentState", String.valueOf(currentState));
    }

    public static ApiException unavailable(String code, String detail) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, code, detail);
    }

    /** Adds a problem extension member (e.g. {@code currentState}). */
    public ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}
