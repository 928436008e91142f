package dev.onewindow.platform.domain;

import java.time.Duration;

/**
 * The caller is over a quota the domain keeps (a data-exchange grant's rate); it may try again after
 * {@link #retryAfter()}. Answered 429 with {@code Retry-After}.
 */
public final class TooManyRequestsException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyRequestsException(String code, String detail, Duration retryAfter) {
        super(code, detail);
        this.retryAfter = retryAfter == null || retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }

    /** How long the caller should wait before the next attempt (whole seconds, rounded up, in the header). */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public TooManyRequestsException with(String name, Object value) {
        super.with(name, value);
        return this;
    }
}
