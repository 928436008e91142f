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
    }

    @Override
    public Mono<RateLimitDecision> acquire(ClientKey key) {
        return redis.isAllowed(key.clientClass().label(), key.value())
                .map(response -> response.isAllowed() ? RateLimitDecision.ALLOWED
                        : RateLimitDecision.refused(retryAfter[key.clientClass().ordinal()]));
    }
}
