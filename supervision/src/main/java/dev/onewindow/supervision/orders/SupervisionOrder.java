package dev.onewindow.supervision.orders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.onewindow.platform.calendar.Limit;
import dev.onewindow.platform.calendar.WorkClock;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.events.AggregateRoot;
import dev.onewindow.supervision.RegionScopes;
import dev.onewindow.supervision.Source;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A supervision order (督办单) addressed to a department about one matter, with its own reply clock (platform
 * {@link WorkClock}, default 2 working days). Unanswered past the clock, it escalates one severity and the clock starts
 * afresh; a supervisor may escalate it too, or close it once replied. {@code escalateAt} holds the running clock's due
 * instant (plus a millisecond) so the sweep finds exactly the orders to escalate through an index.
 */
@Document("orders")
@CompoundIndex(name = "region_list", def = "{'scopes': 1, 'openedAt': -1}")
@CompoundIndex(name = "department_list", def = "{'department': 1, 'openedAt': -1}")
@CompoundIndex(name = "repeats", def = "{'department': 1, 'subjectId': 1}")
@CompoundIndex(name = "subject_list", def = "{'subjectId': 1, 'openedAt': -1}")
public class SupervisionOrder extends AggregateRoot {

    @Id
    private final String id;
    private final String alertId;
    private final String alertKind;
    private final Source source;
    private final String subjectId;
    private final String subjectNo;
    private final String region;
    private final List<String> scopes;
    private final String department;
    private final String reason;
    private final boolean automatic;
    private final boolean repeated;
    private final String openedBy;
    private final Instant openedAt;
    private Severity severity;
    private OrderStatus status;
    private WorkClock replyClock;
    private Instant replyDueAt;
    @Indexed(sparse = true)
    private Instant escalateAt;
    private int escalations;
    private List<Reply> replies;
    private String closingNote;
    private Instant closedAt;

    /** The department's answer (its words are not published in events). */
    public record Reply(String text, String by, Instant at, boolean onTime) {
    }

    /** What an order is opened about. */
    public record Matter(Source source, String subjectId, String subjectNo, String region, String department) {
    }

    @PersistenceCreator
    SupervisionOrder(String id, String alertId, String alertKind, Source source, String subjectId, String subjectNo,
            String region, List<String> scopes, String department, String reason, boolean automatic,
            boolean repeated, String openedBy, Instant openedAt) {
        this.id = id;
        this.alertId = alertId;
        this.alertKind = alertKind;
        this.source = source;
        this.subjectId = subjectId;
        this.subjectNo = subjectNo;
        this.region = region;
        this.scopes = scopes;
        this.department = department;
        this.reason = reason;
        this.automatic = automatic;
        this.repeated = repeated;
        this.openedBy = openedBy;
        this.openedAt = openedAt;
    }

    /** The id of the order a RED alert opens (one per alert). */
    public static String idForAlert(String alertId) {
        return UUID.nameUUIDFromBytes(("order|" + alertId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Opens an order: BLUE, or ORANGE when the department already had an order about the same matter (a repeat).
     */
    public static SupervisionOrder open(String id, String alertId, String alertKind, Matter matter, String reason,
            String openedBy, boolean repeated, Limit replyWithin, WorkingDayCalendar calendar, Instant now) {
        if (matter.department() == null || matter.region() == null) {
            throw DomainException.invalid("ORDER_WITHOUT_ADDRESSEE", "an order needs a department and a region");
        }
        SupervisionOrder order = new SupervisionOrder(id, alertId, alertKind, matter.source(), matter.subjectId(),
                matter.subjectNo(), matter.region(), RegionScopes.of(matter.region()), matter.department(), reason,
                alertId != null, repeated, openedBy, now);
        order.severity = repeated ? Severity.ORANGE : Severity.BLUE;
        order.status = OrderStatus.OPEN;
        order.replies = new ArrayList<>();
        order.startReplyClock(replyWithin, calendar, now);
        order.registerEvent("supervision-order.opened", new OrderEvents.Opened(id, alertId, alertKind,
                matter.source(), matter.subjectId(), matter.subjectNo(), matter.region(), matter.department(),
                order.severity, order.automatic, repeated, now, order.replyDueAt), now);
        return order;
    }

    /** The department replies (an open order only). */
    public void reply(String text, String by, WorkingDayCalendar calendar, Instant now) {
        if (status != OrderStatus.OPEN) {
            throw DomainException.illegalState(status, "reply");
        }
        replyClock = replyClock.complete(now);
        boolean onTime = replyClock.finishedOnTime(calendar);
        replies.add(new Reply(text, by, now, onTime));
        status = OrderStatus.REPLIED;
        escalateAt = null;
        registerEvent("supervision-order.replied", new OrderEvents.Replied(id, region, department, severity, onTime,
                now), now);
    }

    /** The supervisor is satisfied with the reply. */
    public void close(String note, WorkingDayCalendar calendar, Instant now) {
        if (status != OrderStatus.REPLIED) {
            throw DomainException.illegalState(status, "close");
        }
        status = OrderStatus.CLOSED;
        closingNote = note;
        closedAt = now;
        registerEvent("supervision-order.closed", new OrderEvents.Closed(id, region, department, severity,
                escalations, now), now);
    }

    /**
     * Raises the severity and asks again with a fresh reply clock: by a supervisor (an open or replied order, not yet
     * RED), or by the sweep when the reply is overdue (then a RED order just asks again, severity unchanged).
     */
    public void escalate(String reason, boolean bySupervisor, Limit replyWithin, WorkingDayCalendar calendar, Instant now) {
        if (status == OrderStatus.CLOSED) {
            throw DomainException.illegalState(status, "escalate");
        }
        if (bySupervisor && severity == Severity.RED) {
            throw DomainException.conflict("ALREADY_RED", "the order is at the highest severity already");
        }
        Severity from = severity;
        severity = severity.next();
        escalations++;
        status = OrderStatus.OPEN;
        startReplyClock(replyWithin, calendar, now);
        registerEvent("supervision-order.escalated", new OrderEvents.Escalated(id, region, department, from,
                severity, reason, now, replyDueAt), now);
    }

    /**
     * The sweep's rule: an open order whose reply clock has run out rises one severity with a fresh clock; a RED one
     * stays RED and overdue (nothing higher to raise; the KPI and the list show it).
     *
     * @return whether it escalated
     */
    public boolean escalateIfUnanswered(Limit replyWithin, WorkingDayCalendar calendar, Instant now) {
        if (status != OrderStatus.OPEN || replyClock == null || !replyClock.overdue(calendar, now)) {
            return false;
        }
        if (severity == Severity.RED) {
            escalateAt = null;
            return false;
        }
        escalate("REPLY_OVERDUE", false, replyWithin, calendar, now);
        return true;
    }

    /** Whether the reply clock is past due now (an open order). */
    public boolean overdue(WorkingDayCalendar calendar, Instant now) {
        return status == OrderStatus.OPEN && replyClock != null && replyClock.overdue(calendar, now);
    }

    private void startReplyClock(Limit replyWithin, WorkingDayCalendar calendar, Instant now) {
        replyClock = WorkClock.start(now, replyWithin);
        replyDueAt = replyClock.dueAt(calendar, now);
        escalateAt = replyDueAt.plusMillis(1);
    }

    @Override
    protected String aggregateType() {
        return "supervision-order";
    }

    @Override
    protected String region() {
        return region;
    }

    public String id() { return id; }
    public String alertId() { return alertId; }
    public String alertKind() { return alertKind; }
    public Source source() { return source; }
    public String subjectId() { return subjectId; }
    public String subjectNo() { return subjectNo; }
    public String regionCode() { return region; }
    public String department() { return department; }
    public String reason() { return reason; }
    public boolean automatic() { return automatic; }
    public boolean repeated() { return repeated; }
    public String openedBy() { return openedBy; }
    public Instant openedAt() { return openedAt; }
    public Severity severity() { return severity; }
    public OrderStatus status() { return status; }
    public Instant replyDueAt() { return replyDueAt; }
    public int escalations() { return escalations; }
    public List<Reply> replies() { return replies == null ? List.of() : List.copyOf(replies); }
    public String closingNote() { return closingNote; }
    public Instant closedAt() { return closedAt; }
}
