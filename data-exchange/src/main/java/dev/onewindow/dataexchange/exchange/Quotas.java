package dev.onewindow.dataexchange.exchange;

import java.time.Duration;

import dev.onewindow.dataexchange.grants.Grant;
import dev.onewindow.platform.domain.DomainException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.springframework.stereotype.Component;

/**
 * A grant's rate quota: {@code quota} queries per {@code quotaPeriod}, kept by a Resilience4j {@link RateLimiter} per
 * grant (and terms, so a changed quota starts afresh) that never waits: over the quota is 429 at once, with the time
 * to the next period as {@code Retry-After}. Per instance: with n replicas behind the gateway a grant can reach n
 * times its quota (docs/decisions/0019).
 */
@Component
class Quotas {

    private final RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();

    void acquire(Grant grant) {
        String name = grant.id() + "/" + grant.quota() + "/" + grant.quotaPeriod();
        RateLimiter limiter = registry.rateLimiter(name, () -> RateLimiterConfig.custom()
                .limitForPeriod(grant.quota()).limitRefreshPeriod(grant.quotaPeriod())
                .timeoutDuration(Duration.ZERO).build());
        if (!limiter.acquirePermission()) {
            throw DomainException.tooMany("GRANT_QUOTA_EXCEEDED", "the grant's quota of " + grant.quota()
                    + " queries per " + grant.quotaPeriod() + " is used up", grant.quotaPeriod());
        }
    }
}
