package dev.onewindow.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** The limiter's answer: allowed, or refused with the number of seconds after which a retry may succeed. */
public record RateLimitDecision(boolean allowed, long retryAfterSeconds) {

    static final RateLimitDecision ALLOWED = new RateLimitDecision(true, 0);
    static final Mono<RateLimitDecision> ALLOWED_MONO = Mono.just(ALLOWED);

    static RateLimitDecision refused(long retryAfterSeconds) {
        return new RateLimitDecision(false, Math.max(1, retryAfterSeconds));
    }
}
