package dev.onewindow.gateway.ratelimit;

import java.util.function.BiConsumer;

import reactor.core.publisher.Mono;

/**
 * The limiter's answer: allowed or refused (with the seconds after which a retry may succeed), and what the client
 * is told on every answer: its burst ({@code X-RateLimit-Limit}) and what is left of it ({@code X-RateLimit-Remaining}).
 * {@code limit} 0 means no limit is applied (rate limits switched off): no headers are sent.
 */
public record RateLimitDecision(boolean allowed, long retryAfterSeconds, long limit, long remaining) {

    public static final String LIMIT_HEADER = "X-RateLimit-Limit";
    public static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    /** Rate limits switched off: every call allowed, nothing to tell. */
    static final RateLimitDecision UNLIMITED = new RateLimitDecision(true, 0, 0, 0);
    static final Mono<RateLimitDecision> UNLIMITED_MONO = Mono.just(UNLIMITED);

    static RateLimitDecision allowed(long limit, long remaining) {
        return new RateLimitDecision(true, 0, limit, Math.max(0, remaining));
    }

    static RateLimitDecision refused(long retryAfterSeconds, long limit) {
        return new RateLimitDecision(false, Math.max(1, retryAfterSeconds), limit, 0);
    }

    /** Writes the two headers (when a limit applies) with the given setter, on any kind of response. */
    public void writeHeaders(BiConsumer<String, String> setter) {
        if (limit > 0) {
            setter.accept(LIMIT_HEADER, Long.toString(limit));
            setter.accept(REMAINING_HEADER, Long.toString(remaining));
        }
    }
}
