package dev.onewindow.dataexchange.subscriptions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.onewindow.dataexchange.grants.Grant;
import dev.onewindow.dataexchange.grants.GrantService;
import dev.onewindow.dataexchange.resources.AccessMode;
import dev.onewindow.dataexchange.resources.ResourceService;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Subscriptions (数据回流): a consumer with a live grant on a pushed dataset subscribes (its system or a data steward
 * of its department); one active subscription per grant. The dataset asks {@link #deliveries} whom a change reaches.
 */
@Service
public class SubscriptionService {

    private final SubscriptionRepository subscriptions;
    private final GrantService grants;
    private final ResourceService resources;
    private final Clock clock;

    SubscriptionService(SubscriptionRepository subscriptions, GrantService grants, ResourceService resources,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.grants = grants;
        this.resources = resources;
        this.clock = clock;
    }

    /** Who hears of a change of the resource now, each with the fields its grant gives. */
    public record Delivery(String subscriptionId, Grant grant) {
    }

    public Subscription subscribe(String grantId, Caller caller) {
        Instant now = clock.instant();
        Grant grant = grants.forQuery(grantId, caller, now);
        if (resources.get(grant.resourceCode()).accessMode() != AccessMode.DATASET) {
            throw DomainException.conflict("NOT_A_DATASET", "only a pushed dataset has changes to subscribe to");
        }
        try {
            return subscriptions.insert(new Subscription(UUID.randomUUID().toString(), grantId,
                    grant.resourceCode(), grant.consumerDepartment(), caller.username(), now));
        } catch (DuplicateKeyException twice) {
            throw DomainException.conflict("ALREADY_SUBSCRIBED", "the grant " + grantId + " has a subscription");
        }
    }

    public Subscription cancel(String id, Caller caller) {
        Subscription s = own(id, caller);
        s.cancel(clock.instant());
        return subscriptions.save(s);
    }

    public Subscription get(String id, Caller caller) {
        if (caller.hasRole(Roles.AUDITOR)) {
            return subscriptions.findById(id).orElseThrow(() -> DomainException.notFound("subscription", id));
        }
        return own(id, caller);
    }

    public Page<Subscription> list(Caller caller, PageRequest page) {
        return caller.dept() == null ? Page.empty(page)
                : subscriptions.findByConsumerDepartmentOrderBySubscribedAtDesc(caller.dept(), page);
    }

    /** The active subscriptions of a resource whose grant is live now. */
    public List<Delivery> deliveries(String resourceCode) {
        Instant now = clock.instant();
        List<Delivery> out = new ArrayList<>();
        for (Subscription s : subscriptions.findByResourceCodeAndActiveTrue(resourceCode)) {
            grants.find(s.grantId()).filter(g -> g.live(now)).ifPresent(g -> out.add(new Delivery(s.id(), g)));
        }
        return out;
    }

    private Subscription own(String id, Caller caller) {
        return subscriptions.findById(id).filter(s -> caller.inDepartment(s.consumerDepartment())
                && caller.hasAnyRole(Roles.DATA_CONSUMER, Roles.DATA_STEWARD))
                .orElseThrow(() -> DomainException.notFound("subscription", id));
    }
}
