package dev.onewindow.platform.peers;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.onewindow.platform.domain.ConflictException;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.domain.ExpiredException;
import dev.onewindow.platform.domain.FieldViolation;
import dev.onewindow.platform.domain.InvalidInputException;
import dev.onewindow.platform.domain.NotFoundException;
import dev.onewindow.platform.domain.TooLargeException;
import dev.onewindow.platform.domain.UnsupportedContentException;
import feign.Response;
import feign.codec.ErrorDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every Feign client's answer to a peer's error, unless the client decodes some statuses itself (and delegates the
 * rest here). A peer's 4xx is the caller's business — the input was wrong, the record is not there, its state does
 * not allow it — so it becomes the domain's refusal with the peer's stable code and detail ({@link DomainException}:
 * never recorded as a circuit-breaker failure, never retried, answered to the caller as the matching 4xx).
 * What says the peer cannot serve us now stays a failure, counted by the breaker and ending in the client's
 * fallback ("unavailable"): 5xx, 408 and 429 (the peer is slow or saturated), and 401/403 (our own credentials are
 * refused: a configuration fault no caller can fix).
 */
public class PeerErrorDecoder implements ErrorDecoder {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final int MAX_BODY = 16 * 1024;
    private static final int MAX_DETAIL = 500;

    private final ErrorDecoder failures = new ErrorDecoder.Default();
    private final JsonMapper json;

    public PeerErrorDecoder(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        if (status < 400 || status >= 500 || status == 401 || status == 403 || status == 408 || status == 429) {
            return failures.decode(methodKey, response);
        }
        JsonNode problem = read(response);
        String code = text(problem, "code");
        code = code != null && CODE.matcher(code).matches() ? code : "PEER_REFUSED_REQUEST";
        String detail = text(problem, "detail");
        detail = detail == null ? "the request was refused by a service this one called (" + status + ")"
                : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        DomainException refusal = switch (status) {
            case 404 -> new NotFoundException(code, detail);
            case 409 -> new ConflictException(code, detail);
            case 410 -> new ExpiredException(code, detail);
            case 413 -> new TooLargeException(code, detail);
            case 415 -> new UnsupportedContentException(code, detail);
            default -> new InvalidInputException(code, detail);
        };
        List<FieldViolation> errors = new ArrayList<>();
        for (JsonNode error : problem.path("errors").values()) {
            if (errors.size() < 100) {
                errors.add(new FieldViolation(error.path("field").asString(""), error.path("code").asString(""),
                        error.path("message").asString("")));
            }
        }
        if (!errors.isEmpty()) {
            refusal.with("errors", errors);
        }
        String currentState = text(problem, "currentState");
        if (currentState != null) {
            refusal.with("currentState", currentState);
        }
        return refusal;
    }

    private JsonNode read(Response response) {
        if (response.body() == null) {
            return json.createObjectNode();
        }
        try (InputStream body = response.body().asInputStream()) {
            return json.readTree(body.readNBytes(MAX_BODY));
        } catch (IOException | RuntimeException unreadable) {
            return json.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }
}
