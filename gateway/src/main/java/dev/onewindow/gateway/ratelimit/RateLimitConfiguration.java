package dev.onewindow.gateway.ratelimit;

import dev.onewindow.gateway.config.GatewayProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Chooses the limiter: Redis-backed when {@code onewindow.gateway.rate-limit.redis.enabled=true} (several
 * replicas share the buckets), in-process otherwise.
 */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    @Bean
    ClientAddressResolver clientAddressResolver(GatewayProperties properties) {
        return new ClientAddressResolver(properties.trustedProxies());
    }

    @Bean
    RequestRateLimiter requestRateLimiter(GatewayProperties properties, ObjectProvider<RedisRateLimiter> redis) {
        GatewayProperties.RateLimit rateLimit = properties.rateLimit();
        if (rateLimit.redis().enabled()) {
            RedisRateLimiter redisRateLimiter = redis.getIfAvailable();
            if (redisRateLimiter == null) {
                throw new IllegalStateException("onewindow.gateway.rate-limit.redis.enabled=true but no Redis is"
                        + " configured (spring.data.redis.*)");
            }
            return new RedisRequestRateLimiter(redisRateLimiter, rateLimit);
        }
        return new TokenBucketRateLimiter(rateLimit, System::nanoTime);
    }

    @Bean
    RateLimitFilter rateLimitFilter(GatewayProperties properties, RequestRateLimiter limiter,
            ClientAddressResolver addresses) {
        if (!properties.rateLimit().enabled()) {
            return new RateLimitFilter(key -> RateLimitDecision.UNLIMITED_MONO, addresses);
        }
        return new RateLimitFilter(limiter, addresses);
    }

    @Bean
    IdleBucketEviction idleBucketEviction(RequestRateLimiter limiter) {
        return new IdleBucketEviction(limiter);
    }

    /** Keeps the in-process limiter's memory bounded by dropping refilled buckets every 10 s. */
    static final class IdleBucketEviction {
        private final RequestRateLimiter limiter;

        IdleBucketEviction(RequestRateLimiter limiter) {
            this.limiter = limiter;
        }

        @Scheduled(fixedDelay = 10_000, initialDelay = 10_000)
        void evict() {
            if (limiter instanceof TokenBucketRateLimiter buckets) {
                buckets.evictIdle();
            }
        }
    }
}
