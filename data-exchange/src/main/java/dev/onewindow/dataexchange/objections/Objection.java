package dev.onewindow.dataexchange.objections;

import java.time.Instant;
import java.util.List;

import dev.onewindow.dataexchange.grants.Grant;
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
 * 数据疑义: a consuming department flags a record it received as wrong; the providing department checks it (校核) and
 * answers within its limit (5 working days by default) on a {@link WorkClock}. The record's key is kept sealed
 * ({@code keySealed}); the parties' stewards read it, nothing else does.
 */
@Document("objections")
@CompoundIndex(name = "provider", def = "{'providerDepartment': 1, 'dueAt': 1}")
@CompoundIndex(name = "consumer", def = "{'consumerDepartment': 1, 'raisedAt': -1}")
public class Objection extends AggregateRoot {

    @Id
    private final String id;
    private final String grantId;
    private final String resourceCode;
    private final String providerDepartment;
    private final String consumerDepartment;
    private final String region;
    private final String accessId;
    private final String keySealed;
    private final List<String> fields;
    private final String description;
    private final String raisedBy;
    private final Instant raisedAt;
    private ObjectionStatus status;
    private WorkClock clock;
    private Instant dueAt;
    private Resolution resolution;
    private String reply;
    private String resolvedBy;
    private Instant resolvedAt;
    private Boolean onTime;

    @PersistenceCreator
    Objection(String id, String grantId, String resourceCode, String providerDepartment, String consumerDepartment,
            String region, String accessId, String keySealed, List<String> fields, String description,
            String raisedBy, Instant raisedAt) {
        this.id = id;
        this.grantId = grantId;
        this.resourceCode = resourceCode;
        this.providerDepartment = providerDepartment;
        this.consumerDepartment = consumerDepartment;
        this.region = region;
        this.accessId = accessId;
        this.keySealed = keySealed;
        this.fields = List.copyOf(fields);
        this.description = description;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
    }

    /** Raised under a grant of the consumer's, about fields the grant gives. */
    public static Objection raise(String id, Grant grant, String accessId, String keySealed, List<String> fields,
            String description, String by, Limit limit, WorkingDayCalendar calendar, Instant now) {
        for (String f : fields) {
            if (!grant.fields().contains(f)) {
                throw DomainException.invalid("FIELD_NOT_GRANTED", "an objection is about fields the grant gives: '"
                        + f + "'").with("field", f);
            }
        }
        Objection o = new Objection(id, grant.id(), grant.resourceCode(), grant.providerDepartment(),
                grant.consumerDepartment(), grant.regionCode(), accessId, keySealed, fields, description, by, now);
        o.status = ObjectionStatus.OPEN;
        o.clock = WorkClock.start(now, limit);
        o.dueAt = o.clock.dueAt(calendar, now);
        o.registerEvent("objection.raised", new ObjectionEvents.Raised(id, o.grantId, o.resourceCode,
                o.providerDepartment, o.consumerDepartment, accessId, o.fields, now, o.dueAt), now);
        return o;
    }

    /** The provider's answer; the clock stops. */
    public void resolve(Resolution outcome, String answer, String by, WorkingDayCalendar calendar, Instant now) {
        if (status != ObjectionStatus.OPEN) {
            throw DomainException.illegalState(status, "resolve an objection");
        }
        status = ObjectionStatus.RESOLVED;
        resolution = outcome;
        reply = answer;
        resolvedBy = by;
        resolvedAt = now;
        clock = clock.complete(now);
        onTime = clock.finishedOnTime(calendar);
        registerEvent("objection.resolved", new ObjectionEvents.Resolved(id, resourceCode, providerDepartment,
                consumerDepartment, outcome, onTime, now), now);
    }

    public boolean overdue(WorkingDayCalendar calendar, Instant now) {
        return status == ObjectionStatus.OPEN && clock.overdue(calendar, now);
    }

    public boolean party(String department) {
        return providerDepartment.equals(department) || consumerDepartment.equals(department);
    }

    @Override
    protected String aggregateType() {
        return "objection";
    }

    @Override
    protected String region() {
        return region;
    }

    public String id() { return id; }
    public String grantId() { return grantId; }
    public String resourceCode() { return resourceCode; }
    public String providerDepartment() { return providerDepartment; }
    public String consumerDepartment() { return consumerDepartment; }
    public String accessId() { return accessId; }
    public String keySealed() { return keySealed; }
    public List<String> fields() { return fields; }
    public String description() { return description; }
    public String raisedBy() { return raisedBy; }
    public Instant raisedAt() { return raisedAt; }
    public ObjectionStatus status() { return status; }
    public Instant dueAt() { return dueAt; }
    public Resolution resolution() { return resolution; }
    public String reply() { return reply; }
    public String resolvedBy() { return resolvedBy; }
    public Instant resolvedAt() { return resolvedAt; }
    public Boolean onTime() { return onTime; }
}
