package dev.onewindow.gateway.ratelimit;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import dev.onewindow.gateway.config.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The in-process limiter (one gateway replica): a token bucket per client key in a concurrent map. Memory is
 * bounded: buckets that have refilled completely carry no information and are dropped by {@link #evictIdle()}; above
 * {@code maxKeys} live buckets, new clients of a class share one overflow bucket until room is made.
 */
public final class TokenBucketRateLimiter implements RequestRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(TokenBucketRateLimiter.class);

    private final Map<ClientClass, GatewayProperties.Limit> limits = new EnumMap<>(ClientClass.class);
    private final Map<ClientClass, Bucket> overflow = new EnumMap<>(ClientClass.class);
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private volatile long overflowWarnedAt;

    public TokenBucketRateLimiter(GatewayProperties.RateLimit properties, LongSupplier nanoTime) {
        limits.put(ClientClass.PARTNER, properties.partner());
        limits.put(ClientClass.USER, properties.user());
        limits.put(ClientClass.ANONYMOUS, properties.anonymous());
        this.maxKeys = properties.maxKeys();
        this.nanoTime = nanoTime;
        long now = nanoTime.getAsLong();
        limits.forEach((clientClass, limit) -> overflow.put(clientClass, new Bucket(limit, now)));
    }

    @Override
    public Mono<RateLimitDecision> acquire(ClientKey key) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(key.value());
        if (bucket == null) {
            if (buckets.size() < maxKeys) {
                GatewayProperties.Limit limit = limits.get(key.clientClass());
                bucket = buckets.computeIfAbsent(key.value(), k -> new Bucket(limit, now));
            } else {
                bucket = overflow.get(key.clientClass());
                warnOverflow(now);
            }
        }
        long waitNanos = bucket.tryAcquire(now);
        if (waitNanos == 0) {
            return RateLimitDecision.ALLOWED_MONO;
        }
        return Mono.just(RateLimitDecision.refused((waitNanos + 999_999_999L) / 1_000_000_000L));
    }

    /** Drops buckets that are full again (an absent bucket behaves exactly like a full one). */
    public void evictIdle() {
        long now = nanoTime.getAsLong();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    int trackedKeys() {
        return buckets.size();
    }

    private void warnOverflow(long now) {
        if (now - overflowWarnedAt > 60_000_000_000L) {
            overflowWarnedAt = now;
            log.warn("rate limiter tracks {} clients (the maximum); new clients share one bucket per class until idle"
                    + " ones are evicted", maxKeys);
        }
    }

    /** A token bucket: {@code capacity} tokens, refilled continuously at {@code rate} per second. */
    static final class Bucket {
        private final double capacity;
        private final double tokensPerNano;
        private double tokens;
        private long refilledAt;

        Bucket(GatewayProperties.Limit limit, long now) {
            this.capacity = limit.burst();
            this.tokensPerNano = limit.requestsPerSecond() / 1e9;
            this.tokens = capacity;
            this.refilledAt = now;
        }

        /** Takes a token: 0 when granted, else the nanoseconds until one will be available. */
        synchronized long tryAcquire(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            long elapsed = now - refilledAt;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
                refilledAt = now;
            }
        }
    }
}
