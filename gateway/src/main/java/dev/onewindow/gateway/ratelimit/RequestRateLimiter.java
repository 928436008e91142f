package dev.onewindow.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** Takes one request's token from the client's bucket, or says when to come back. */
public interface RequestRateLimiter {

    Mono<RateLimitDecision> acquire(ClientKey key);
}
