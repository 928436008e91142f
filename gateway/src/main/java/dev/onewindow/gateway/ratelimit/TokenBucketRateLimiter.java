package dev.onewindow.gateway.ratelimit;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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
        return Mono.just(tryAcquire(key));
    }

    /** {@link #acquire} without the reactive wrapper: the in-process buckets answer at once. */
    public RateLimitDecision tryAcquire(ClientKey key) {
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
            return RateLimitDecision.allowed(bucket.burst, bucket.remaining(now));
        }
        return RateLimitDecision.refused((waitNanos + 999_999_999L) / 1_000_000_000L, bucket.burst);
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

    /**
     * A token bucket of {@code burst} tokens refilled at {@code requestsPerSecond}, kept as one number without a lock
     * (the generic cell rate algorithm): {@code fullAt} is the time at which the bucket will be full again. Taking a
     * token moves it one refill interval later; a token is available while that stays within {@code burst}
     * intervals of now. Every event loop may take tokens from the same client's bucket at once: a failed
     * compare-and-set just retries, no thread ever parks on a monitor.
     */
    static final class Bucket {
        private final long interval;
        private final long capacity;
        private final long burst;
        private final AtomicLong fullAt;

        Bucket(GatewayProperties.Limit limit, long now) {
            this.interval = Math.max(1, 1_000_000_000L / limit.requestsPerSecond());
            this.burst = limit.burst();
            this.capacity = burst * interval;
            this.fullAt = new AtomicLong(now);
        }

        /** Whole tokens left now (what the client may still send at once). */
        long remaining(long now) {
            return (capacity - Math.max(0, fullAt.get() - now)) / interval;
        }

        /** Takes a token: 0 when granted, else the nanoseconds until one will be available. */
        long tryAcquire(long now) {
            while (true) {
                long current = fullAt.get();
                long next = Math.max(current, now) + interval;
                long over = next - now - capacity;
                if (over > 0) {
                    return over;
                }
                if (fullAt.compareAndSet(current, next)) {
                    return 0;
                }
            }
        }

        boolean isFull(long now) {
            return fullAt.get() <= now;
        }
    }
}
