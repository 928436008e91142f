package dev.onewindow.platform.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A rule of the domain refused a command or a read. Aggregates and domain services throw one of its kinds; they
 * never name an HTTP status. The platform's problem handler answers each kind with its RFC 9457 status in one place
 * (invalid input 400, not allowed 403, not found 404, conflict 409, expired 410, too large 413, unsupported content
 * 415, unavailable 503, too many requests 429).
 *
 * <p>The {@link #code()} is stable (UPPER_SNAKE) so clients can act on it; the message becomes the problem's
 * {@code detail} and must be safe to show to the caller: no personal data, no internals. {@link #with} adds problem
 * extension members such as {@code currentState} or {@code missingMaterials}.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInputException, NotAllowedException, NotFoundException, ConflictException, ExpiredException,
        TooLargeException, UnsupportedContentException, UnavailableException, TooManyRequestsException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    protected DomainException(String code, String detail) {
        super(detail);
        this.code = Objects.requireNonNull(code, "code");
    }

    protected DomainException(String code, String detail, Throwable cause) {
        super(detail, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Input that breaks a rule (a bad value, a missing field, a material the entry does not ask for). */
    public static InvalidInputException invalid(String code, String detail) {
        return new InvalidInputException(code, detail);
    }

    /** Several invalid fields at once, listed in the problem's {@code errors[]} ({@code VALIDATION_FAILED}). */
    public static InvalidInputException invalidFields(java.util.List<FieldViolation> errors) {
        return new InvalidInputException("VALIDATION_FAILED", "the request has " + errors.size()
                + " invalid field(s)").with("errors", java.util.List.copyOf(errors));
    }

    /** A record that does not exist — and, by design, one the caller may not see (indistinguishable from missing). */
    public static NotFoundException notFound(String what, Object id) {
        return new NotFoundException("NOT_FOUND", what + " " + id + " was not found");
    }

    /** The caller's role, department or relation to the record does not allow the action. */
    public static NotAllowedException notAllowed(String detail) {
        return new NotAllowedException("FORBIDDEN", detail);
    }

    /** The caller may act, but not this way; the code says which rule (e.g. {@code SAME_PERSON}). */
    public static NotAllowedException notAllowed(String code, String detail) {
        return new NotAllowedException(code, detail);
    }

    /** The command clashes with the record's current state or with another record (e.g. a duplicate code). */
    public static ConflictException conflict(String code, String detail) {
        return new ConflictException(code, detail);
    }

    /** A command the aggregate's current state does not allow; names the current state for the client. */
    public static ConflictException illegalState(Object currentState, String attempted) {
        return new ConflictException("ILLEGAL_STATE_TRANSITION", "cannot " + attempted + " in state " + currentState)
                .with("currentState", String.valueOf(currentState));
    }

    /** Something that was valid no longer is (an authorization code past its lifetime). */
    public static ExpiredException expired(String code, String detail) {
        return new ExpiredException(code, detail);
    }

    /** Content over a configured size (an upload, a form). */
    public static TooLargeException tooLarge(String code, String detail) {
        return new TooLargeException(code, detail);
    }

    /** Content of a type the rule does not accept (an upload's type, or a type that does not match its bytes). */
    public static UnsupportedContentException unsupportedContent(String code, String detail) {
        return new UnsupportedContentException(code, detail);
    }

    /** Something the command needs cannot answer now (a peer service, a key); the client may try again later. */
    public static UnavailableException unavailable(String code, String detail) {
        return new UnavailableException(code, detail);
    }

    /** Over a quota the domain keeps (a grant's rate); the client may try again after {@code retryAfter}. */
    public static TooManyRequestsException tooMany(String code, String detail, java.time.Duration retryAfter) {
        return new TooManyRequestsException(code, detail, retryAfter);
    }

    /** Adds a problem extension member (e.g. {@code currentState}); values must be safe to show. */
    public DomainException with(String name, Object value) {
        properties.put(Objects.requireNonNull(name, "name"), value);
        return this;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}
