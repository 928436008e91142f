package dev.onewindow.hotline.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.onewindow.hotline.category.Category;
import dev.onewindow.hotline.category.CategoryTree;
import dev.onewindow.hotline.config.HotlineProperties;
import dev.onewindow.hotline.dispatch.DispatchRules;
import dev.onewindow.hotline.knowledge.KnowledgeBase;
import dev.onewindow.hotline.knowledge.KnowledgeEntry;
import dev.onewindow.platform.calendar.CalendarSource;
import dev.onewindow.platform.calendar.ClockLevel;
import dev.onewindow.platform.calendar.ClockProperties;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.events.OptimisticRetry;
import dev.onewindow.platform.personal.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.onewindow.platform.personal.LookupHasher;
import dev.onewindow.platform.personal.Masking;
import dev.onewindow.platform.personal.MobileNumber;
import dev.onewindow.platform.region.Regions;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Intake, the commands on orders, and the reads. Loading applies the caller's scope first — hotline staff act on the
 * orders of their region, department staff on those their department has a part in, callers on their own — and an
 * order outside it is not found, indistinguishable from a missing one. Then the aggregate applies its rules and one
 * optimistically locked save stores state and event; of two people acting on one order at once, one gets 409.
 */
@Service
public class WorkOrderService {

    private static final Logger log = LoggerFactory.getLogger(WorkOrderService.class);

    private final WorkOrderRepository orders;
    private final WorkOrderQueries queries;
    private final OrderNumbers numbers;
    private final CategoryTree categories;
    private final DispatchRules dispatchRules;
    private final DuplicateFinder duplicates;
    private final KnowledgeBase knowledge;
    private final FieldCipher cipher;
    private final LookupHasher hasher;
    private final CalendarSource calendar;
    private final ClockProperties clockProperties;
    private final HotlineProperties properties;
    private final Clock clock;

    WorkOrderService(WorkOrderRepository orders, WorkOrderQueries queries, OrderNumbers numbers,
            CategoryTree categories, DispatchRules dispatchRules, DuplicateFinder duplicates, KnowledgeBase knowledge,
            FieldCipher cipher, LookupHasher hasher, CalendarSource calendar,
            ClockProperties clockProperties, HotlineProperties properties, Clock clock) {
        this.orders = orders;
        this.queries = queries;
        this.numbers = numbers;
        this.categories = categories;
        this.dispatchRules = dispatchRules;
        this.duplicates = duplicates;
        this.knowledge = knowledge;
        this.cipher = cipher;
        this.hasher = hasher;
        this.calendar = calendar;
        this.clockProperties = clockProperties;
        this.properties = properties;
        this.clock = clock;
    }

    /** The rules in force now (the calendar is read afresh each time). */
    public WorkOrderRules rules() {
        return new WorkOrderRules(calendar.current(), clockProperties.thresholds(), properties.deadlines());
    }

    // ------------------------------------------------------------------------------------------------ intake

    /** What a caller raised, as the web layer (or the Open311 facade) hands it over, validated for form. */
    public record Intake(IntakeChannel channel, String callerName, String mobile, boolean anonymous,
            boolean confidential, DemandType demandType, String categoryCode, String address, String region,
            Location location, Urgency urgency, String text) {
    }

    /**
     * 受理. Agents register calls, messages and reports from every channel; a signed-in citizen files from the web,
     * app, mini-program or WeChat as herself; a partner system through its API. Everything is checked before anything
     * is stored: the mobile number, the region (within the city), the category.
     */
    public WorkOrderView register(Intake intake, Caller caller) {
        String role = intakeRole(intake.channel(), caller);
        Category category = categories.require(intake.categoryCode());
        if (intake.region() == null || !Regions.covers(properties.city(), intake.region())) {
            throw DomainException.invalid("INVALID_REGION", "region " + intake.region()
                    + " is not a region code (GB/T 2260) within " + properties.city()).with("field", "region");
        }
        if (intake.anonymous() && (intake.mobile() != null || intake.callerName() != null)) {
            throw DomainException.invalid("ANONYMOUS_WITH_CONTACT",
                    "an anonymous caller gives neither name nor mobile number").with("field", "caller");
        }
        if (intake.mobile() != null && !MobileNumber.isValid(intake.mobile())) {
            throw DomainException.invalid("INVALID_MOBILE", "not a mainland mobile number (11 digits, 1[3-9]…)")
                    .with("field", "caller.mobile");
        }
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        CallerInfo who = callerInfo(intake, caller, id);
        List<String> duplicateOf = duplicates.candidates(category.code(), intake.address(), intake.location(), now);
        WorkOrder.Draft draft = new WorkOrder.Draft(id, numbers.next(now), intake.channel(), who,
                intake.demandType(), category.code(), category.path(), intake.address(), intake.region(),
                intake.location(), intake.urgency(), intake.text());
        WorkOrder order = WorkOrder.register(draft, Actor.of(caller), role, duplicateOf, rules(), now);
        return view(save(order, now), caller, now);
    }

    private static String intakeRole(IntakeChannel channel, Caller caller) {
        if (caller.hasRole(Roles.HOTLINE_AGENT) && IntakeChannel.AGENT.contains(channel)) {
            return Roles.HOTLINE_AGENT;
        }
        if (caller.hasAnyRole(Roles.CITIZEN, Roles.ENTERPRISE) && IntakeChannel.SELF_SERVICE.contains(channel)) {
            return caller.hasRole(Roles.CITIZEN) ? Roles.CITIZEN : Roles.ENTERPRISE;
        }
        if (caller.hasRole(Roles.PARTNER) && channel == IntakeChannel.PARTNER_API) {
            return Roles.PARTNER;
        }
        throw DomainException.notAllowed("CHANNEL_NOT_ALLOWED", "you may not register an order through channel "
                + channel + " (agents: phone, SMS, WeChat, web, app, mini-program; citizens: web, app, "
                + "mini-program, WeChat; partners: PARTNER_API)");
    }

    private CallerInfo callerInfo(Intake intake, Caller caller, String orderId) {
        String subject = caller.hasAnyRole(Roles.CITIZEN, Roles.ENTERPRISE) ? caller.subject() : null;
        String client = caller.hasRole(Roles.PARTNER) ? caller.clientId() : null;
        if (intake.anonymous()) {
            return new CallerInfo(true, null, null, null, null, intake.confidential(), subject, client);
        }
        String mobile = intake.mobile();
        return new CallerInfo(false, intake.callerName() == null ? null : Masking.name(intake.callerName()),
                mobile == null ? null : Masking.mobile(mobile),
                mobile == null ? null : cipher.encrypt(mobile, "workorder:" + orderId + ":mobile"),
                mobile == null ? null : hasher.hash(mobile), intake.confidential(), subject, client);
    }

    // ------------------------------------------------------------------------------------------------ hotline

    /** 直接答复 from a knowledge-base entry valid today; the entry's use is counted. */
    public WorkOrderView answer(String id, String entryId, Caller caller) {
        return hotlineCommand(id, caller, (order, rules, now) -> {
            // refused before the entry's use is counted
            order.requireAnswerable();
            KnowledgeEntry entry = knowledge.use(entryId);
            order.answer(Actor.of(caller), entry.id(), entry.answer(), rules, now);
        });
    }

    /**
     * 派单 to the department the rules name (or the 兜底 government), or to {@code lead} and {@code helpers} when the
     * dispatcher names them.
     */
    public WorkOrderView dispatch(String id, String lead, List<String> helpers, Caller caller) {
        return hotlineCommand(id, caller, (order, rules, now) -> {
            String by = "DISPATCHER";
            String chosenLead = lead;
            List<String> chosenHelpers = helpers == null ? List.of() : helpers;
            if (lead == null) {
                DispatchRules.Decision decision = dispatchRules.decide(categories.require(order.categoryCode()),
                        order.regionCode());
                chosenLead = decision.lead();
                chosenHelpers = helpers == null ? decision.helpers() : helpers;
                by = decision.by();
            }
            order.dispatch(Actor.of(caller), chosenLead, chosenHelpers, by, rules, now);
        });
    }

    public WorkOrderView decideExtension(String id, boolean approve, String comment, Caller caller) {
        return hotlineCommand(id, caller,
                (order, rules, now) -> order.decideExtension(Actor.of(caller), approve, comment, rules, now));
    }

    public WorkOrderView callback(String id, CallbackResult result, String comment, Caller caller) {
        return hotlineCommand(id, caller,
                (order, rules, now) -> order.recordCallback(Actor.of(caller), result, comment, rules, now));
    }

    public WorkOrderView close(String id, Caller caller) {
        return hotlineCommand(id, caller, (order, rules, now) -> order.close(Actor.of(caller), rules, now));
    }

    /**
     * 合并 a registered order into an open one of the same matter. Two documents change: the merged order first (its
     * state and event), then the primary's list of merged orders, which only tells who else hears its reply — the
     * reply reaches a merged order through the primary's {@code workorder.replied} event either way.
     */
    public WorkOrderView merge(String id, String primaryOrderNo, Caller caller) {
        WorkOrder primary = orders.findByOrderNo(primaryOrderNo).filter(p -> hotlineVisible(p, caller))
                .orElseThrow(() -> DomainException.invalid("UNKNOWN_ORDER", "order " + primaryOrderNo
                        + " does not exist").with("field", "into"));
        WorkOrderView merged = hotlineCommand(id, caller,
                (order, rules, now) -> order.mergeInto(Actor.of(caller), primary, rules, now));
        WorkOrder updated = OptimisticRetry.run(() -> {
            WorkOrder fresh = orders.findById(primary.id()).orElseThrow();
            fresh.acceptMerged(merged.order());
            return orders.save(fresh);
        });
        if (updated.reply() != null) {
            // replied while this merge was under way: its workorder.replied may have been handled without us
            replyMergedOrders(updated.id());
            return get(id, caller);
        }
        return merged;
    }

    // ------------------------------------------------------------------------------------------------ department

    public WorkOrderView sign(String id, Caller caller) {
        return departmentCommand(id, caller, (order, rules, now) -> order.sign(Actor.of(caller), rules, now));
    }

    public WorkOrderView returnOrder(String id, String reason, Caller caller) {
        return departmentCommand(id, caller,
                (order, rules, now) -> order.returnOrder(Actor.of(caller), reason, rules, now));
    }

    public WorkOrderView start(String id, Caller caller) {
        return departmentCommand(id, caller, (order, rules, now) -> order.start(Actor.of(caller), rules, now));
    }

    public WorkOrderView requestExtension(String id, int amount, String reason, Caller caller) {
        return departmentCommand(id, caller,
                (order, rules, now) -> order.requestExtension(Actor.of(caller), amount, reason, rules, now));
    }

    public WorkOrderView reply(String id, String text, Caller caller) {
        return departmentCommand(id, caller, (order, rules, now) -> order.reply(Actor.of(caller), text, rules, now));
    }

    // ------------------------------------------------------------------------------------------------ events

    /**
     * The primary order of a merge was replied: each merged order gets the reply (and its own callback). Idempotent:
     * an order that already has it is left alone.
     */
    public int replyMergedOrders(String primaryId) {
        WorkOrder primary = orders.findById(primaryId).orElse(null);
        if (primary == null || primary.reply() == null) {
            return 0;
        }
        int replied = 0;
        for (String mergedId : primary.mergedOrders()) {
            boolean changed = OptimisticRetry.run(() -> {
                WorkOrder merged = orders.findById(mergedId).orElse(null);
                Instant now = clock.instant();
                if (merged == null
                        || !merged.replyWithPrimary(primary.reply(), primary.replyDepartment(), rules(), now)) {
                    return false;
                }
                save(merged, now);
                return true;
            });
            replied += changed ? 1 : 0;
        }
        return replied;
    }

    // ------------------------------------------------------------------------------------------------ reads

    /**
     * The caller's number in clear, for the service that has a bad rater called back about the order's handling
     * (evaluation's service account: a client in {@code trusted-contact-readers}) and nobody else: anyone else is
     * answered "not found". A caller who asked for confidentiality (保密) is not handed to the department: the number
     * is withheld ({@code confidential}, the hotline calls back itself); an anonymous caller left none. Each read is
     * logged as which order, by which client — never the number.
     */
    public CallerContact callerContact(String id, Caller caller) {
        if (caller.clientId() == null || !properties.trustedContactReaders().contains(caller.clientId())) {
            throw DomainException.notFound("work order", id);
        }
        WorkOrder order = orders.findById(id).orElseThrow(() -> DomainException.notFound("work order", id));
        CallerInfo info = order.caller();
        boolean withheld = info.confidential();
        String mobile = withheld || info.mobileSealed() == null ? null
                : cipher.decrypt(info.mobileSealed(), "workorder:" + order.id() + ":mobile");
        log.info("caller contact of work order {} ({}) read by {}", order.id(),
                withheld ? "withheld: confidential" : mobile == null ? "none on file" : "given", caller.clientId());
        return new CallerContact(order.id(), mobile, withheld);
    }

    /** A work order's caller number (null when withheld or none was given). */
    public record CallerContact(String orderId, String mobile, boolean confidential) {
    }

    public WorkOrderView get(String id, Caller caller) {
        WorkOrder order = orders.findById(id).filter(o -> visible(o, caller))
                .orElseThrow(() -> DomainException.notFound("work order", id));
        return view(order, caller, clock.instant());
    }

    /**
     * The worklist: a department's orders for its staff; the orders of the caller's region for hotline agents and
     * dispatchers. Most urgent (earliest due) first.
     */
    public Page<WorkOrderView> worklist(Caller caller, WorkOrderStatus status, ClockLevel level, PageRequest page) {
        Instant now = clock.instant();
        if (caller.hasAnyRole(Roles.HOTLINE_AGENT, Roles.HOTLINE_DISPATCHER)) {
            return queries.worklist(null, regionPrefix(caller), status, level, now, page)
                    .map(o -> view(o, caller, now));
        }
        if (caller.dept() == null || caller.dept().isBlank()) {
            throw DomainException.notAllowed("your login names no department");
        }
        return queries.worklist(caller.dept(), null, status, level, now, page).map(o -> view(o, caller, now));
    }

    public Page<WorkOrderView> mine(Caller caller, PageRequest page) {
        Instant now = clock.instant();
        return queries.ofCaller(caller.subject(), page).map(o -> view(o, caller, now));
    }

    /** 退单 counted per department, for orders registered in {@code [from, to)} in the caller's region. */
    public List<WorkOrderQueries.DepartmentReturns> returnsPerDepartment(Caller caller, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw DomainException.invalid("INVALID_PERIOD", "from must be before to").with("field", "from");
        }
        String prefix = caller.hasRole(Roles.AUDITOR) ? "" : regionPrefix(caller);
        return queries.returnsPerDepartment(prefix, from, to);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    @FunctionalInterface
    private interface Command {
        void apply(WorkOrder order, WorkOrderRules rules, Instant now);
    }

    private WorkOrderView hotlineCommand(String id, Caller caller, Command command) {
        WorkOrder order = orders.findById(id).filter(o -> hotlineVisible(o, caller))
                .orElseThrow(() -> DomainException.notFound("work order", id));
        return apply(order, caller, command);
    }

    private WorkOrderView departmentCommand(String id, Caller caller, Command command) {
        WorkOrder order = orders.findById(id).filter(o -> o.involves(caller.dept()))
                .orElseThrow(() -> DomainException.notFound("work order", id));
        return apply(order, caller, command);
    }

    private WorkOrderView apply(WorkOrder order, Caller caller, Command command) {
        Instant now = clock.instant();
        command.apply(order, rules(), now);
        return view(save(order, now), caller, now);
    }

    private WorkOrder save(WorkOrder order, Instant now) {
        order.refreshDeadlineIndex(rules(), now);
        return orders.save(order);
    }

    private boolean hotlineVisible(WorkOrder order, Caller caller) {
        return caller.hasAnyRole(Roles.HOTLINE_AGENT, Roles.HOTLINE_DISPATCHER) && caller.inRegion(order.regionCode());
    }

    private boolean visible(WorkOrder order, Caller caller) {
        if (hotlineVisible(order, caller) || caller.hasRole(Roles.AUDITOR)) {
            return true;
        }
        if (caller.hasAnyRole(Roles.DEPT_HANDLER, Roles.DEPT_ADMIN) && order.involves(caller.dept())) {
            return true;
        }
        if (caller.hasRole(Roles.SUPERVISOR) && caller.inRegion(order.regionCode())) {
            return true;
        }
        CallerInfo who = order.caller();
        return (who.subject() != null && who.subject().equals(caller.subject()))
                || (caller.hasRole(Roles.PARTNER) && who.clientId() != null && who.clientId().equals(caller.clientId()));
    }

    /** Departments never see the caller of a confidential order; supervisors never see any caller. */
    private static boolean callerShown(WorkOrder order, Caller caller) {
        if (caller.hasAnyRole(Roles.HOTLINE_AGENT, Roles.HOTLINE_DISPATCHER)) {
            return true;
        }
        CallerInfo who = order.caller();
        if (who.subject() != null && who.subject().equals(caller.subject())) {
            return true;
        }
        return caller.hasAnyRole(Roles.DEPT_HANDLER, Roles.DEPT_ADMIN) && !who.confidential();
    }

    private WorkOrderView view(WorkOrder order, Caller caller, Instant now) {
        Optional<Deadline> deadline = order.deadline(rules(), now);
        return new WorkOrderView(order, deadline, callerShown(order, caller));
    }

    /** The code prefix of the caller's region: a city's staff see its districts. */
    private static String regionPrefix(Caller caller) {
        String region = caller.region();
        if (region == null || !Regions.CODE.matcher(region).matches()) {
            throw DomainException.notAllowed("your login names no region");
        }
        return region.endsWith("0000") ? region.substring(0, 2) : region.endsWith("00") ? region.substring(0, 4)
                : region;
    }
}
