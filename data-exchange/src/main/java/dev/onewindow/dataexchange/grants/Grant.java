package dev.onewindow.dataexchange.grants;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.events.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 授权: what one consuming department may read of one resource, for which purpose, until when and how often. The
 * fields it names are all a query under it returns; of those, personal fields are masked unless {@code unmaskedFields}
 * names them (最小必要, 个人信息保护法 §6). Revocable by the providing department; it expires by itself, and
 * {@code expiryDue} holds the expiry while the expiry is still to be announced, so the sweep finds exactly those.
 * Its id is the share request's: one grant per granted request.
 */
@Document("grants")
@CompoundIndex(name = "consumer", def = "{'consumerDepartment': 1, 'grantedAt': -1}")
@CompoundIndex(name = "provider", def = "{'providerDepartment': 1, 'grantedAt': -1}")
@CompoundIndex(name = "expiry_sweep", def = "{'expiryDue': 1}", sparse = true)
public class Grant extends AggregateRoot {

    @Id
    private final String id;
    private final String resourceCode;
    private final String providerDepartment;
    private final String consumerDepartment;
    private final String region;
    private final List<String> fields;
    private final List<String> unmaskedFields;
    private final String purpose;
    private final String legalBasis;
    private final Instant grantedAt;
    private final Instant expiresAt;
    private final int quota;
    private final Duration quotaPeriod;
    private GrantStatus status;
    private Instant expiryDue;
    private Instant endedAt;
    private String endedBy;
    private String reason;

    /** What a grant is made of. */
    public record Terms(String resourceCode, String providerDepartment, String consumerDepartment, String region,
            List<String> fields, List<String> unmaskedFields, String purpose, String legalBasis, Instant expiresAt,
            int quota, Duration quotaPeriod) {
    }

    @PersistenceCreator
    Grant(String id, String resourceCode, String providerDepartment, String consumerDepartment, String region,
            List<String> fields, List<String> unmaskedFields, String purpose, String legalBasis, Instant grantedAt,
            Instant expiresAt, int quota, Duration quotaPeriod) {
        this.id = id;
        this.resourceCode = resourceCode;
        this.providerDepartment = providerDepartment;
        this.consumerDepartment = consumerDepartment;
        this.region = region;
        this.fields = List.copyOf(fields);
        this.unmaskedFields = List.copyOf(unmaskedFields);
        this.purpose = purpose;
        this.legalBasis = legalBasis;
        this.grantedAt = grantedAt;
        this.expiresAt = expiresAt;
        this.quota = quota;
        this.quotaPeriod = quotaPeriod;
    }

    public static Grant issue(String id, Terms t, Instant now) {
        if (!t.expiresAt().isAfter(now)) {
            throw DomainException.invalid("PERIOD_ENDED", "a grant ends after it starts");
        }
        Grant g = new Grant(id, t.resourceCode(), t.providerDepartment(), t.consumerDepartment(), t.region(),
                t.fields(), t.unmaskedFields(), t.purpose(), t.legalBasis(), now, t.expiresAt(), t.quota(),
                t.quotaPeriod());
        g.status = GrantStatus.ACTIVE;
        g.expiryDue = t.expiresAt();
        return g;
    }

    /** Whether a query may run under the grant now: active and not past its expiry (whether announced or not). */
    public boolean live(Instant now) {
        return status == GrantStatus.ACTIVE && now.isBefore(expiresAt);
    }

    /** Refuses a query that may not run under the grant now (403 with the reason's code). */
    public void requireLive(Instant now) {
        if (status == GrantStatus.REVOKED) {
            throw DomainException.notAllowed("GRANT_REVOKED", "the grant " + id + " was revoked");
        }
        if (status == GrantStatus.EXPIRED || !now.isBefore(expiresAt)) {
            throw DomainException.notAllowed("GRANT_EXPIRED", "the grant " + id + " expired at " + expiresAt);
        }
    }

    /** The providing department withdraws the grant. */
    public void revoke(String by, String why, Instant now) {
        if (status != GrantStatus.ACTIVE) {
            throw DomainException.illegalState(status, "revoke a grant");
        }
        status = GrantStatus.REVOKED;
        expiryDue = null;
        endedAt = now;
        endedBy = by;
        reason = why;
        registerEvent("grant.revoked", new GrantEvents.Revoked(id, id, resourceCode, providerDepartment,
                consumerDepartment, now), now);
    }

    /** {@code grant.expired}, once, when an active grant has passed its expiry. */
    public boolean expire(Instant now) {
        if (status != GrantStatus.ACTIVE || now.isBefore(expiresAt)) {
            return false;
        }
        status = GrantStatus.EXPIRED;
        expiryDue = null;
        endedAt = now;
        registerEvent("grant.expired", new GrantEvents.Expired(id, id, resourceCode, providerDepartment,
                consumerDepartment, expiresAt, now), now);
        return true;
    }

    /** Whether a member of staff of {@code department} is a party to the grant. */
    public boolean party(String department) {
        return providerDepartment.equals(department) || consumerDepartment.equals(department);
    }

    @Override
    protected String aggregateType() {
        return "grant";
    }

    @Override
    protected String region() {
        return region;
    }

    public String id() { return id; }
    public String resourceCode() { return resourceCode; }
    public String providerDepartment() { return providerDepartment; }
    public String consumerDepartment() { return consumerDepartment; }
    public String regionCode() { return region; }
    public List<String> fields() { return fields; }
    public List<String> unmaskedFields() { return unmaskedFields; }
    public String purpose() { return purpose; }
    public String legalBasis() { return legalBasis; }
    public Instant grantedAt() { return grantedAt; }
    public Instant expiresAt() { return expiresAt; }
    public int quota() { return quota; }
    public Duration quotaPeriod() { return quotaPeriod; }
    public GrantStatus status() { return status; }
    public Instant endedAt() { return endedAt; }
    public String endedBy() { return endedBy; }
    public String reason() { return reason; }
}
