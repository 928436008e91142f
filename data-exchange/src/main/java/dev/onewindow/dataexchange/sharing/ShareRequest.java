package dev.onewindow.dataexchange.sharing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.onewindow.dataexchange.grants.Grant;
import dev.onewindow.dataexchange.resources.DataResource;
import dev.onewindow.dataexchange.resources.ShareType;
import dev.onewindow.platform.calendar.Limit;
import dev.onewindow.platform.calendar.WorkClock;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.events.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 共享申请: a consuming department asks a providing department for fields of a resource, for a purpose, under a legal
 * basis, for a period. Unconditional resources are granted at once; conditional ones wait for the provider's decision
 * on a {@link WorkClock} (国发〔2016〕51号: 10 working days by default); not-shared resources cannot be asked for.
 */
@Document("share_requests")
@CompoundIndex(name = "consumer", def = "{'consumerDepartment': 1, 'requestedAt': -1}")
@CompoundIndex(name = "provider", def = "{'providerDepartment': 1, 'requestedAt': -1}")
public class ShareRequest extends AggregateRoot {

    @Id
    private final String id;
    private final String resourceCode;
    private final ShareType shareType;
    private final String providerDepartment;
    private final String consumerDepartment;
    private final String region;
    private final List<String> fields;
    private final List<String> unmaskedFields;
    private final String purpose;
    private final String legalBasis;
    private final Instant validUntil;
    private final Integer quota;
    private final String requestedBy;
    private final Instant requestedAt;
    private ShareStatus status;
    private WorkClock clock;
    private Instant dueAt;
    private String decidedBy;
    private Instant decidedAt;
    private String reason;
    private Boolean onTime;
    private String grantId;

    /** What the consuming department asks for. */
    public record Ask(List<String> fields, List<String> unmaskedFields, String purpose, String legalBasis,
            Instant validUntil, Integer quota) {
    }

    /** The providing department's approval: it may narrow the fields, the unmasked fields, the period and the rate. */
    public record Approval(List<String> fields, List<String> unmaskedFields, Instant validUntil, Integer quota) {
    }

    @PersistenceCreator
    ShareRequest(String id, String resourceCode, ShareType shareType, String providerDepartment,
            String consumerDepartment, String region, List<String> fields, List<String> unmaskedFields,
            String purpose, String legalBasis, Instant validUntil, Integer quota, String requestedBy,
            Instant requestedAt) {
        this.id = id;
        this.resourceCode = resourceCode;
        this.shareType = shareType;
        this.providerDepartment = providerDepartment;
        this.consumerDepartment = consumerDepartment;
        this.region = region;
        this.fields = List.copyOf(fields);
        this.unmaskedFields = List.copyOf(unmaskedFields);
        this.purpose = purpose;
        this.legalBasis = legalBasis;
        this.validUntil = validUntil;
        this.quota = quota;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    /**
     * Files a request. A not-shared resource refuses it (409); the fields must be the resource's, and the unmasked
     * ones among them and personal.
     */
    public static ShareRequest file(String id, DataResource resource, String consumerDepartment, String region,
            String requestedBy, Ask ask, Limit decisionLimit, WorkingDayCalendar calendar, Instant now) {
        if (resource.shareType() == ShareType.NOT_SHARED) {
            throw DomainException.conflict("NOT_SHARED", "the resource " + resource.code() + " is not shared ("
                    + resource.legalBasis() + ")").with("legalBasis", resource.legalBasis());
        }
        if (resource.providerDepartment().equals(consumerDepartment)) {
            throw DomainException.conflict("OWN_RESOURCE", "a department reads its own resources without a grant");
        }
        checkFields(resource, ask.fields(), ask.unmaskedFields());
        if (!ask.validUntil().isAfter(now)) {
            throw DomainException.invalid("PERIOD_ENDED", "validUntil lies in the past");
        }
        ShareRequest r = new ShareRequest(id, resource.code(), resource.shareType(), resource.providerDepartment(),
                consumerDepartment, region, ask.fields(), ask.unmaskedFields(), ask.purpose(), ask.legalBasis(),
                ask.validUntil(), ask.quota(), requestedBy, now);
        r.status = ShareStatus.PENDING;
        if (resource.shareType() == ShareType.CONDITIONAL) {
            r.clock = WorkClock.start(now, decisionLimit);
            r.dueAt = r.clock.dueAt(calendar, now);
        }
        r.registerEvent("share.requested", new ShareEvents.Requested(id, r.resourceCode, r.shareType,
                r.providerDepartment, consumerDepartment, region, r.fields, r.unmaskedFields, now, r.dueAt), now);
        return r;
    }

    private static void checkFields(DataResource resource, List<String> fields, List<String> unmasked) {
        resource.requireFields(fields);
        for (String f : unmasked) {
            if (!fields.contains(f)) {
                throw DomainException.invalid("UNMASKED_NOT_REQUESTED", "an unmasked field is one of the fields: '"
                        + f + "'").with("field", f);
            }
            if (!resource.field(f).map(rf -> rf.personal()).orElse(false)) {
                throw DomainException.invalid("NOT_PERSONAL", "only personal fields are masked: '" + f + "'")
                        .with("field", f);
            }
        }
    }

    /** The terms of the grant an unconditional request gets at once. */
    public Grant.Terms termsAsAsked(Instant expiresAt, int quotaGiven, Duration period) {
        requirePending("grant");
        return new Grant.Terms(resourceCode, providerDepartment, consumerDepartment, region, fields, unmaskedFields,
                purpose, legalBasis, expiresAt, quotaGiven, period);
    }

    /** The terms of an approval: what was asked, narrowed as the provider chose. */
    public Grant.Terms termsApproved(DataResource resource, Approval a, Instant expiresAt, int quotaGiven,
            Duration period) {
        requirePending("decide");
        if (shareType != ShareType.CONDITIONAL) {
            throw DomainException.illegalState(status, "decide an unconditional request");
        }
        List<String> granted = a.fields() == null || a.fields().isEmpty() ? fields : a.fields();
        List<String> clear = a.unmaskedFields() == null ? unmaskedFields : a.unmaskedFields();
        for (String f : granted) {
            if (!fields.contains(f)) {
                throw DomainException.invalid("FIELD_NOT_REQUESTED", "a grant gives no more than was asked: '" + f
                        + "'").with("field", f);
            }
        }
        for (String f : clear) {
            if (!unmaskedFields.contains(f)) {
                throw DomainException.invalid("FIELD_NOT_REQUESTED", "a grant unmasks no more than was asked: '"
                        + f + "'").with("field", f);
            }
        }
        checkFields(resource, granted, clear);
        return new Grant.Terms(resourceCode, providerDepartment, consumerDepartment, region, granted, clear, purpose,
                legalBasis, expiresAt, quotaGiven, period);
    }

    /** Records the grant: at once for an unconditional resource, or the provider's approval on its clock. */
    public void granted(Grant grant, String by, WorkingDayCalendar calendar, Instant now) {
        requirePending("grant");
        boolean automatic = shareType == ShareType.UNCONDITIONAL;
        decide(ShareStatus.GRANTED, by, null, calendar, now);
        grantId = grant.id();
        registerEvent("share.granted", new ShareEvents.Granted(id, grant.id(), resourceCode, providerDepartment,
                consumerDepartment, grant.fields(), grant.unmaskedFields(), grant.expiresAt(), grant.quota(),
                grant.quotaPeriod(), automatic, onTime, now), now);
    }

    /** The provider refuses, saying why. */
    public void reject(String by, String why, WorkingDayCalendar calendar, Instant now) {
        requirePending("reject");
        if (shareType != ShareType.CONDITIONAL) {
            throw DomainException.illegalState(status, "reject an unconditional request");
        }
        decide(ShareStatus.REJECTED, by, why, calendar, now);
        registerEvent("share.rejected", new ShareEvents.Rejected(id, resourceCode, providerDepartment,
                consumerDepartment, onTime, now), now);
    }

    private void decide(ShareStatus outcome, String by, String why, WorkingDayCalendar calendar, Instant now) {
        status = outcome;
        decidedBy = by;
        decidedAt = now;
        reason = why;
        if (clock != null) {
            clock = clock.complete(now);
            onTime = clock.finishedOnTime(calendar);
        } else {
            onTime = true;
        }
    }

    private void requirePending(String action) {
        if (status != ShareStatus.PENDING) {
            throw DomainException.illegalState(status, action + " a share request");
        }
    }

    /** Whether the provider's decision is past due now. */
    public boolean overdue(WorkingDayCalendar calendar, Instant now) {
        return status == ShareStatus.PENDING && clock != null && clock.overdue(calendar, now);
    }

    public boolean party(String department) {
        return providerDepartment.equals(department) || consumerDepartment.equals(department);
    }

    @Override
    protected String aggregateType() {
        return "share";
    }

    @Override
    protected String region() {
        return region;
    }

    public String id() { return id; }
    public String resourceCode() { return resourceCode; }
    public ShareType shareType() { return shareType; }
    public String providerDepartment() { return providerDepartment; }
    public String consumerDepartment() { return consumerDepartment; }
    public List<String> fields() { return fields; }
    public List<String> unmaskedFields() { return unmaskedFields; }
    public String purpose() { return purpose; }
    public String legalBasis() { return legalBasis; }
    public Instant validUntil() { return validUntil; }
    public Integer quota() { return quota; }
    public String requestedBy() { return requestedBy; }
    public Instant requestedAt() { return requestedAt; }
    public ShareStatus status() { return status; }
    public Instant dueAt() { return dueAt; }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
    public String reason() { return reason; }
    public Boolean onTime() { return onTime; }
    public String grantId() { return grantId; }
}
