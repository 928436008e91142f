package dev.onewindow.dataexchange.grants;

import java.time.Clock;
import java.time.Instant;

import dev.onewindow.dataexchange.ShortLived;
import dev.onewindow.dataexchange.config.DataExchangeProperties;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.events.OptimisticRetry;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * Grants: issued for a granted share request (same id, so a repeated issue finds the one already stored), read by the
 * staff of both parties and the consumer's systems, revoked by the providing department's stewards, expired by the
 * sweep. Outside the caller's scope a grant is not found.
 */
@Service
public class GrantService {

    private final GrantRepository grants;
    private final DataExchangeProperties properties;
    private final Clock clock;
    private final ShortLived<String, Grant> live;

    GrantService(GrantRepository grants, DataExchangeProperties properties, Clock clock) {
        this.grants = grants;
        this.properties = properties;
        this.clock = clock;
        this.live = new ShortLived<>(properties.queryCacheTtl(), 10_000);
    }

    /** Stores the grant of a granted request, or answers the one stored under its id before. */
    public Grant issue(String requestId, Grant.Terms terms, Instant now) {
        try {
            return grants.insert(Grant.issue(requestId, terms, now));
        } catch (DuplicateKeyException again) {
            return grants.findById(requestId).orElseThrow(() -> again);
        }
    }

    /** The grant a consumer's query runs under: it must be its department's (else 403) and live (else 403). */
    public Grant forQuery(String grantId, Caller consumer, Instant now) {
        Grant g = live.get(grantId, grants::findById).filter(found -> consumer.inDepartment(found.consumerDepartment()))
                .orElseThrow(() -> DomainException.notAllowed("NO_GRANT", "the caller's department holds no grant "
                        + grantId));
        g.requireLive(now);
        return g;
    }

    /** A grant as it stands, without scope checks (for the in-process deliveries of subscriptions). */
    public java.util.Optional<Grant> find(String grantId) {
        return grants.findById(grantId);
    }

    public Grant get(String id, Caller caller) {
        return grants.findById(id).filter(g -> visible(g, caller))
                .orElseThrow(() -> DomainException.notFound("grant", id));
    }

    public Page<Grant> list(Caller caller, PageRequest page) {
        PageRequest sorted = page.withSort(Sort.by(Sort.Direction.DESC, "grantedAt"));
        if (caller.hasRole(Roles.AUDITOR)) {
            return grants.findAllByOrderByGrantedAtDesc(page);
        }
        if (caller.dept() == null) {
            return Page.empty(page);
        }
        if (caller.hasRole(Roles.DATA_CONSUMER) && !caller.hasAnyRole(Roles.DATA_STEWARD, Roles.DEPT_ADMIN)) {
            return grants.findByConsumerDepartmentOrderByGrantedAtDesc(caller.dept(), page);
        }
        return grants.findByParty(caller.dept(), sorted);
    }

    public Grant revoke(String id, String reason, Caller caller) {
        Grant g = grants.findById(id).filter(found -> caller.hasRole(Roles.DATA_STEWARD)
                && caller.inDepartment(found.providerDepartment()))
                .orElseThrow(() -> DomainException.notFound("grant", id));
        g.revoke(caller.username(), reason, clock.instant());
        Grant saved = grants.save(g);
        live.evict(id);
        return saved;
    }

    /**
     * Announces {@code grant.expired} for the grants past their expiry, each once.
     *
     * @return how many expired
     */
    public int expire() {
        Instant now = clock.instant();
        int expired = 0;
        for (Grant candidate : grants.findByExpiryDueLessThanEqualOrderByExpiryDueAsc(now,
                PageRequest.of(0, properties.sweepBatch()))) {
            boolean done = OptimisticRetry.run(() -> grants.findById(candidate.id()).filter(g -> g.expire(now))
                    .map(grants::save).isPresent());
            live.evict(candidate.id());
            expired += done ? 1 : 0;
        }
        return expired;
    }

    private static boolean visible(Grant g, Caller caller) {
        return caller.hasRole(Roles.AUDITOR) || (caller.dept() != null && g.party(caller.dept())
                && (caller.hasAnyRole(Roles.DATA_STEWARD, Roles.DEPT_ADMIN)
                        || caller.hasRole(Roles.DATA_CONSUMER) && caller.inDepartment(g.consumerDepartment())));
    }
}
