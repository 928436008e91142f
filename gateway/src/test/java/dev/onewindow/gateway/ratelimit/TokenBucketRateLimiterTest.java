package dev.onewindow.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.onewindow.gateway.config.GatewayProperties;
import org.junit.jupiter.api.Test;

class TokenBucketRateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(5 * SECOND);

    private TokenBucketRateLimiter limiter(int maxKeys) {
        return new TokenBucketRateLimiter(new GatewayProperties.RateLimit(new GatewayProperties.Limit(2, 4),
                new GatewayProperties.Limit(10, 10), new GatewayProperties.Limit(1, 2), true, maxKeys, null),
                now::get);
    }

    private static boolean allowed(TokenBucketRateLimiter limiter, ClientKey key) {
        return limiter.acquire(key).block().allowed();
    }

    @Test
    void aClientGetsItsBurstThenIsRefusedWithTheTimeToTheNextToken() {
        TokenBucketRateLimiter limiter = limiter(100);
        ClientKey partner = new ClientKey(ClientClass.PARTNER, "client:partner-demo");

        List<Long> remaining = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            RateLimitDecision decision = limiter.acquire(partner).block();
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.limit()).isEqualTo(4);
            remaining.add(decision.remaining());
        }
        RateLimitDecision refused = limiter.acquire(partner).block();

        assertThat(remaining).containsExactly(3L, 2L, 1L, 0L);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1); // 2 per second: next token in 0.5 s, rounded up
        assertThat(refused.remaining()).isZero();
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        TokenBucketRateLimiter limiter = limiter(100);
        ClientKey anonymous = ClientKey.anonymous("203.0.113.9");
        assertThat(allowed(limiter, anonymous)).isTrue();
        assertThat(allowed(limiter, anonymous)).isTrue();
        RateLimitDecision refused = limiter.acquire(anonymous).block();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);

        now.addAndGet(SECOND); // 1 per second for anonymous callers

        assertThat(allowed(limiter, anonymous)).isTrue();
        assertThat(allowed(limiter, anonymous)).isFalse();
    }

    @Test
    void eachClientHasItsOwnBucket() {
        TokenBucketRateLimiter limiter = limiter(100);
        ClientKey first = ClientKey.anonymous("203.0.113.9");
        ClientKey second = ClientKey.anonymous("203.0.113.10");
        allowed(limiter, first);
        allowed(limiter, first);

        assertThat(allowed(limiter, first)).isFalse();
        assertThat(allowed(limiter, second)).isTrue();
    }

    @Test
    void onlyRefilledBucketsAreEvicted() {
        TokenBucketRateLimiter limiter = limiter(100);
        ClientKey busy = ClientKey.anonymous("203.0.113.9");
        ClientKey idle = ClientKey.anonymous("203.0.113.10");
        allowed(limiter, idle);
        now.addAndGet(2 * SECOND); // idle's bucket is full again
        allowed(limiter, busy);
        allowed(limiter, busy);

        limiter.evictIdle();

        assertThat(limiter.trackedKeys()).isEqualTo(1);
        assertThat(allowed(limiter, busy)).as("eviction must not reset a busy client").isFalse();
    }

    @Test
    void beyondMaxKeysNewClientsShareOneBucketPerClass() {
        TokenBucketRateLimiter limiter = limiter(2);
        allowed(limiter, ClientKey.anonymous("198.51.100.1"));
        allowed(limiter, ClientKey.anonymous("198.51.100.2"));

        // the overflow bucket for anonymous callers holds 2 tokens, shared by every untracked address
        assertThat(allowed(limiter, ClientKey.anonymous("198.51.100.3"))).isTrue();
        assertThat(allowed(limiter, ClientKey.anonymous("198.51.100.4"))).isTrue();
        assertThat(allowed(limiter, ClientKey.anonymous("198.51.100.5"))).isFalse();
        assertThat(limiter.trackedKeys()).isEqualTo(2);
    }
}
