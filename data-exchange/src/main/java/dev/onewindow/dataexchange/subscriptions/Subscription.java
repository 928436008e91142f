package dev.onewindow.dataexchange.subscriptions;

import java.time.Instant;

import dev.onewindow.platform.domain.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 数据回流: a consuming department's subscription, under its grant, to the changes of a pushed dataset. Changes reach
 * it as {@code dataset.changed} events limited to the grant's fields; it ends when cancelled, and no change is
 * delivered once the grant is no longer live.
 */
@Document("subscriptions")
@CompoundIndex(name = "resource_active", def = "{'resourceCode': 1, 'active': 1}")
@CompoundIndex(name = "grant", def = "{'grantId': 1}", unique = true, partialFilter = "{'active': true}")
public class Subscription {

    @Id
    private final String id;
    private final String grantId;
    private final String resourceCode;
    private final String consumerDepartment;
    private final String subscribedBy;
    private final Instant subscribedAt;
    private boolean active;
    private Instant endedAt;
    @Version
    private Long version;

    public Subscription(String id, String grantId, String resourceCode, String consumerDepartment,
            String subscribedBy, Instant subscribedAt) {
        this.id = id;
        this.grantId = grantId;
        this.resourceCode = resourceCode;
        this.consumerDepartment = consumerDepartment;
        this.subscribedBy = subscribedBy;
        this.subscribedAt = subscribedAt;
        this.active = true;
    }

    public void cancel(Instant now) {
        if (!active) {
            throw DomainException.illegalState("CANCELLED", "cancel a subscription");
        }
        active = false;
        endedAt = now;
    }

    public String id() { return id; }
    public String grantId() { return grantId; }
    public String resourceCode() { return resourceCode; }
    public String consumerDepartment() { return consumerDepartment; }
    public String subscribedBy() { return subscribedBy; }
    public Instant subscribedAt() { return subscribedAt; }
    public boolean active() { return active; }
    public Instant endedAt() { return endedAt; }
}
