package dev.onewindow.supervision.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.onewindow.platform.calendar.CalendarSource;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.events.OptimisticRetry;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import dev.onewindow.supervision.RegionScopes;
import dev.onewindow.supervision.Source;
import dev.onewindow.supervision.config.SupervisionProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * 督办单: opened on RED alerts (once per alert) and by supervisors; replied by the addressed department; closed or
 * escalated by supervisors; escalated by the sweep when unanswered. Who sees what is decided in the queries: staff of
 * a department see their department's orders, supervisors their region's, auditors all — anything else is 404.
 */
@Service
public class OrderService {

    private final OrderRepository orders;
    private final CalendarSource calendar;
    private final Clock clock;
    private final SupervisionProperties properties;

    public OrderService(OrderRepository orders, CalendarSource calendar, Clock clock,
            SupervisionProperties properties) {
        this.orders = orders;
        this.calendar = calendar;
        this.clock = clock;
        this.properties = properties;
    }

    /** What an order opened by an alert takes from it. */
    public record AlertFacts(String alertId, String kind, Source source, String subjectId, String subjectNo,
            String region, String department) {
    }

    /** Opens the order of a RED alert unless it exists (its id is derived from the alert's). */
    public void openForAlert(AlertFacts alert, Instant now) {
        String id = SupervisionOrder.idForAlert(alert.alertId());
        if (orders.existsById(id) || alert.department() == null || alert.region() == null) {
            return;
        }
        boolean repeated = orders.existsByDepartmentAndSubjectId(alert.department(), alert.subjectId());
        try {
            orders.insert(SupervisionOrder.open(id, alert.alertId(), alert.kind(), new SupervisionOrder.Matter(
                    alert.source(), alert.subjectId(), alert.subjectNo(), alert.region(), alert.department()),
                    alert.kind(), "system", repeated, properties.reply(), calendar.current(), now));
        } catch (DuplicateKeyException openedMeanwhile) {
            // the same alert handled twice at once: one order
        }
    }

    /** A supervisor opens an order about a matter of the region. */
    public SupervisionOrder open(SupervisionOrder.Matter matter, String reason, Caller caller) {
        if (!caller.inRegion(matter.region())) {
            throw DomainException.notAllowed("REGION_NOT_COVERED", "the matter is outside the supervisor's region");
        }
        boolean repeated = orders.existsByDepartmentAndSubjectId(matter.department(), matter.subjectId());
        return orders.insert(SupervisionOrder.open(UUID.randomUUID().toString(), null, null, matter, reason,
                caller.username(), repeated, properties.reply(), calendar.current(), clock.instant()));
    }

    public SupervisionOrder get(String id, Caller caller) {
        return orders.findById(id).filter(o -> visible(o, caller))
                .orElseThrow(() -> DomainException.notFound("supervision order", id));
    }

    /** The caller's orders, newest first; with {@code subjectId} only those about that matter. */
    public Page<SupervisionOrder> list(Caller caller, String subjectId, PageRequest page) {
        if (caller.hasRole(Roles.AUDITOR)) {
            return subjectId == null ? orders.findAllByOrderByOpenedAtDesc(page)
                    : orders.findBySubjectIdOrderByOpenedAtDesc(subjectId, page);
        }
        if (caller.hasRole(Roles.SUPERVISOR)) {
            return RegionScopes.prefix(caller.region())
                    .map(prefix -> subjectId == null ? orders.findByScopesOrderByOpenedAtDesc(prefix, page)
                            : orders.findBySubjectIdAndScopesOrderByOpenedAtDesc(subjectId, prefix, page))
                    .orElse(Page.empty(page));
        }
        if (caller.dept() == null) {
            return Page.empty(page);
        }
        return subjectId == null ? orders.findByDepartmentOrderByOpenedAtDesc(caller.dept(), page)
                : orders.findBySubjectIdAndDepartmentOrderByOpenedAtDesc(subjectId, caller.dept(), page);
    }

    /** The addressed department replies; {@code version} is the order's version the replier read (else 409). */
    public SupervisionOrder reply(String id, long version, String text, Caller caller) {
        SupervisionOrder order = forDepartment(id, caller);
        requireVersion(order, version);
        order.reply(text, caller.username(), calendar.current(), clock.instant());
        return orders.save(order);
    }

    public SupervisionOrder close(String id, long version, String note, Caller caller) {
        SupervisionOrder order = forSupervisor(id, caller);
        requireVersion(order, version);
        order.close(note, calendar.current(), clock.instant());
        return orders.save(order);
    }

    public SupervisionOrder escalate(String id, long version, Caller caller) {
        SupervisionOrder order = forSupervisor(id, caller);
        requireVersion(order, version);
        order.escalate("SUPERVISOR", true, properties.reply(), calendar.current(), clock.instant());
        return orders.save(order);
    }

    /** Escalates the open orders whose reply clock has run out, at most {@code sweep-batch} per run. */
    public int escalateUnanswered() {
        Instant now = clock.instant();
        int escalated = 0;
        for (SupervisionOrder due : orders.findByEscalateAtLessThanEqualOrderByEscalateAtAsc(now,
                PageRequest.of(0, properties.sweepBatch()))) {
            boolean done = OptimisticRetry.run(() -> orders.findById(due.id()).map(o -> {
                boolean raised = o.escalateIfUnanswered(properties.reply(), calendar.current(), now);
                orders.save(o);
                return raised;
            }).orElse(false));
            escalated += done ? 1 : 0;
        }
        return escalated;
    }

    public boolean overdue(SupervisionOrder order) {
        return order.overdue(calendar.current(), clock.instant());
    }

    private SupervisionOrder forDepartment(String id, Caller caller) {
        return orders.findById(id).filter(o -> caller.inDepartment(o.department()))
                .orElseThrow(() -> DomainException.notFound("supervision order", id));
    }

    private SupervisionOrder forSupervisor(String id, Caller caller) {
        return orders.findById(id).filter(o -> caller.hasRole(Roles.SUPERVISOR) && caller.inRegion(o.regionCode()))
                .orElseThrow(() -> DomainException.notFound("supervision order", id));
    }

    private static boolean visible(SupervisionOrder order, Caller caller) {
        return caller.hasRole(Roles.AUDITOR)
                || (caller.hasRole(Roles.SUPERVISOR) && caller.inRegion(order.regionCode()))
                || caller.inDepartment(order.department());
    }

    private static void requireVersion(SupervisionOrder order, long version) {
        if (order.version() == null || order.version() != version) {
            throw DomainException.conflict("VERSION_MISMATCH", "the order changed since it was read")
                    .with("currentVersion", order.version());
        }
    }
}
