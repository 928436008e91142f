package dev.onewindow.gateway.ratelimit;

import dev.onewindow.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

/**
 * The shared limiter for several gateway replicas: Spring Cloud Gateway's {@link RedisRateLimiter} (a token bucket
 * kept in Redis by an atomic Lua script), one configuration per client class. If Redis cannot be reached the request
 * is allowed (Spring Cloud Gateway's behaviour: failing open keeps the public entry up).
 */
public final class RedisRequestRateLimiter implements RequestRateLimiter {

    private final RedisRateLimiter redis;
    private final long[] retryAfter = new long[ClientClass.values().length];
    private final long[] burst = new long[ClientClass.values().length];

    public RedisRequestRateLimiter(RedisRateLimiter redis, GatewayProperties.RateLimit properties) {
        this.redis = redis;
        configure(ClientClass.PARTNER, properties.partner());
        configure(ClientClass.USER, properties.user());
        configure(ClientClass.ANONYMOUS, properties.anonymous());
    }

    private void configure(ClientClass clientClass, GatewayProperties.Limit limit) {
        redis.getConfig().put(clientClass.label(), new RedisRateLimiter.Config()
                .setReplenishRate(limit.requestsPerSecond())
                .setBurstCapacity(limit.burst())
                .setRequestedTokens(1));
        retryAfter[clientClass.ordinal()] = Math.max(1, (long) Math.ceil(1.0 / limit.requestsPerSecond()));
        burst[clientClass.ordinal()] = limit.burst();
    }

    @Override
    public Mono<RateLimitDecision> acquire(ClientKey key) {
        int clientClass = key.clientClass().ordinal();
        return redis.isAllowed(key.clientClass().label(), key.value())
                .map(response -> response.isAllowed()
                        ? RateLimitDecision.allowed(burst[clientClass], remaining(response, burst[clientClass]))
                        : RateLimitDecision.refused(retryAfter[clientClass], burst[clientClass]));
    }

    /** What Redis says is left (-1 when Redis could not be asked and the call was let through). */
    private static long remaining(RedisRateLimiter.Response response, long burst) {
        String value = response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER);
        try {
            long remaining = value == null ? -1 : Long.parseLong(value);
            return remaining < 0 ? burst : remaining;
        } catch (NumberFormatException e) {
            return burst;
        }
    }
}
