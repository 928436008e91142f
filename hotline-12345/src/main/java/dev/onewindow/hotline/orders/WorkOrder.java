package dev.onewindow.hotline.orders;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.onewindow.hotline.orders.Assignment.Role;
import dev.onewindow.platform.calendar.ClockLevel;
import dev.onewindow.platform.calendar.Limit;
import dev.onewindow.platform.calendar.WorkClock;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.events.AggregateRoot;
import dev.onewindow.platform.personal.Masking;
import dev.onewindow.platform.security.Roles;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A 12345 work order (工单; docs/domain.md, hotline-12345): one caller's matter, taken from any channel, handled to the
 * end of the closed loop 受理 → 派单 → 签收 → 办理 → 答复 → 回访 → 办结, on the clock.
 *
 * <p>The aggregate owns its rules: each command checks the state, the actor's role and department, changes state,
 * writes the history and registers its event; one optimistically locked save stores it all (the outbox). The clocks
 * are platform {@link WorkClock}s: signing and replying start at dispatch, the callback at the reply. {@code dueAt}
 * and {@code yellowAt} copy what the current clock derives, refreshed on every command, so worklists filter and sort
 * by level through an index.
 */
@Document("work_orders")
@CompoundIndex(name = "department_worklist", def = "{'departments': 1, 'status': 1, 'dueAt': 1}")
@CompoundIndex(name = "hotline_worklist", def = "{'status': 1, 'dueAt': 1, 'registeredAt': 1}")
@CompoundIndex(name = "caller_subject", def = "{'caller.subject': 1, 'registeredAt': -1}")
@CompoundIndex(name = "duplicates", def = "{'categoryCode': 1, 'registeredAt': -1}")
@CompoundIndex(name = "partner", def = "{'caller.clientId': 1, 'registeredAt': -1}")
@CompoundIndex(name = "open311", def = "{'channel': 1, 'registeredAt': -1}")
public class WorkOrder extends AggregateRoot {

    @Id
    private final String id;
    @Indexed(unique = true)
    private final String orderNo;
    private final IntakeChannel channel;
    private final CallerInfo caller;
    private final DemandType demandType;
    private final String categoryCode;
    private final List<String> categoryPath;
    private final String address;
    private final String region;
    private final Location location;
    private final Urgency urgency;
    private final String text;
    private final Instant registeredAt;
    private final String registeredBy;
    private WorkOrderStatus status;
    private List<Assignment> assignments;
    /** Departments with an active part (the department worklist's key). */
    private List<String> departments;
    private List<Return> returns;
    private WorkClock signClock;
    private WorkClock replyClock;
    private WorkClock callbackClock;
    private ExtensionRequest extensionRequest;
    private int extensionsApproved;
    private String reply;
    private String replyDepartment;
    private Instant repliedAt;
    private String knowledgeEntryId;
    private List<Callback> callbacks;
    private int reopenCount;
    private boolean escalated;
    private String mergedInto;
    private String mergedIntoNo;
    private List<String> mergedOrders;
    private List<String> duplicateOf;
    private Instant closedAt;
    private List<HistoryEntry> history;
    private Instant dueAt;
    private Instant yellowAt;

    /** 退单: which department returned the order, why and when. */
    public record Return(String department, String reason, Instant at) {
    }

    /** 延期申请 waiting for the dispatcher. */
    public record ExtensionRequest(int amount, String reason, String department, String requestedBy, Instant at) {
    }

    /** 回访: what the caller said. */
    public record Callback(CallbackResult result, String comment, String by, Instant at) {
    }

    /** What a new order is made of; the service assembles it from the request, the token and the category tree. */
    public record Draft(String id, String orderNo, IntakeChannel channel, CallerInfo caller, DemandType demandType,
            String categoryCode, List<String> categoryPath, String address, String region, Location location,
            Urgency urgency, String text) {
    }

    @PersistenceCreator
    WorkOrder(String id, String orderNo, IntakeChannel channel, CallerInfo caller, DemandType demandType,
            String categoryCode, List<String> categoryPath, String address, String region, Location location,
            Urgency urgency, String text, Instant registeredAt, String registeredBy) {
        this.id = id;
        this.orderNo = orderNo;
        this.channel = channel;
        this.caller = caller;
        this.demandType = demandType;
        this.categoryCode = categoryCode;
        this.categoryPath = categoryPath == null ? List.of() : List.copyOf(categoryPath);
        this.address = address;
        this.region = region;
        this.location = location;
        this.urgency = urgency;
        this.text = text;
        this.registeredAt = registeredAt;
        this.registeredBy = registeredBy;
        this.assignments = new ArrayList<>();
        this.departments = new ArrayList<>();
        this.returns = new ArrayList<>();
        this.callbacks = new ArrayList<>();
        this.mergedOrders = new ArrayList<>();
        this.duplicateOf = new ArrayList<>();
        this.history = new ArrayList<>();
    }

    // ------------------------------------------------------------------------------------------------ intake

    /** 受理: a new order in {@code REGISTERED}; {@code duplicateOf} are open orders suggested for merging. */
    public static WorkOrder register(Draft draft, Actor registrar, String role, List<String> duplicateOf,
            WorkOrderRules rules, Instant now) {
        WorkOrder order = new WorkOrder(draft.id(), draft.orderNo(), draft.channel(), draft.caller(),
                draft.demandType(), draft.categoryCode(), draft.categoryPath(), draft.address(), draft.region(),
                draft.location(), draft.urgency(), draft.text(), now, registrar.name());
        order.status = WorkOrderStatus.REGISTERED;
        order.duplicateOf = new ArrayList<>(duplicateOf);
        order.record(now, registrar, role, "REGISTER", null, null, null);
        order.registerEvent("workorder.registered",
                new WorkOrderEvents.Registered(order.facts(rules, now), now, List.copyOf(duplicateOf)), now);
        return order;
    }

    /** 直接答复 of a consultation from the knowledge base by the agent; the order ends here. */
    public void answer(Actor agent, String entryId, String answerText, WorkOrderRules rules, Instant now) {
        String role = agent.require(Roles.HOTLINE_AGENT, "answer");
        requireAnswerable();
        knowledgeEntryId = entryId;
        reply = answerText;
        repliedAt = now;
        closedAt = now;
        transition(agent, role, "ANSWER", WorkOrderStatus.ANSWERED, null, "knowledge entry " + entryId, now);
        registerEvent("workorder.answered", new WorkOrderEvents.Answered(facts(rules, now), entryId, now), now);
        registerEvent("workorder.closed", new WorkOrderEvents.Closed(facts(rules, now), "ANSWERED", now), now);
    }

    /** Whether the order may be answered from the knowledge base: a consultation still registered. */
    public void requireAnswerable() {
        requireStatus("answer", WorkOrderStatus.REGISTERED);
        if (demandType != DemandType.CONSULTATION) {
            throw DomainException.conflict("NOT_A_CONSULTATION",
                    "only a consultation is answered directly from the knowledge base; dispatch a " + demandType);
        }
    }

    // ------------------------------------------------------------------------------------------------ dispatch

    /**
     * 派单 (or re-dispatch after a return) to a lead department and helpers. Sign and reply clocks start now: a new
     * owner gets the whole time, and the returns stay counted against the departments that returned.
     *
     * @param by RULE, FALLBACK or DISPATCHER
     */
    public void dispatch(Actor dispatcher, String lead, List<String> helpers, String by, WorkOrderRules rules,
            Instant now) {
        String role = dispatcher.require(Roles.HOTLINE_DISPATCHER, "dispatch");
        // a merged order reopened after an unsatisfied callback has no department of its own yet: dispatched anew
        if (!(status == WorkOrderStatus.REOPENED && lead().isEmpty())) {
            requireStatus("dispatch", WorkOrderStatus.REGISTERED, WorkOrderStatus.RETURNED);
        }
        List<String> helping = helpers.stream().distinct().filter(h -> !h.equals(lead)).toList();
        boolean redispatch = status != WorkOrderStatus.REGISTERED;
        assignments = new ArrayList<>();
        assignments.add(Assignment.dispatched(lead, Role.LEAD, now));
        helping.forEach(h -> assignments.add(Assignment.dispatched(h, Role.HELPER, now)));
        signClock = WorkClock.start(now, rules.sign(urgency));
        replyClock = WorkClock.start(now, rules.reply(urgency, demandType));
        extensionRequest = null;
        transition(dispatcher, role, redispatch ? "REDISPATCH" : "DISPATCH", WorkOrderStatus.DISPATCHED, lead,
                helping.isEmpty() ? by : by + "; helpers " + String.join(",", helping), now);
        registerEvent("workorder.dispatched", new WorkOrderEvents.Dispatched(facts(rules, now), lead, helping, by,
                redispatch, now), now);
    }

    // ------------------------------------------------------------------------------------------------ department

    /** 签收 by the actor's department: the lead's signature moves the order to {@code SIGNED}. */
    public void sign(Actor handler, WorkOrderRules rules, Instant now) {
        String role = handler.require(Roles.DEPT_HANDLER, "sign");
        int at = activeAssignment(handler);
        Assignment part = assignments.get(at);
        if (part.state() != Assignment.State.DISPATCHED) {
            throw DomainException.conflict("ALREADY_SIGNED", "department " + part.department()
                    + " has already signed for this order");
        }
        if (part.role() == Role.LEAD) {
            requireStatus("sign", WorkOrderStatus.DISPATCHED);
            signClock = signClock.complete(now);
        }
        assignments.set(at, part.signed(now));
        WorkOrderStatus to = part.role() == Role.LEAD ? WorkOrderStatus.SIGNED : status;
        transition(handler, role, "SIGN", to, part.department(), part.role().name(), now);
        registerEvent("workorder.signed", new WorkOrderEvents.Signed(facts(rules, now), part.department(),
                part.role(), now), now);
    }

    /**
     * 退单 with the reason (wrong owner). The lead's return sends the order back to the dispatcher; a helper's only
     * removes that helper. Either way the return is counted against the department.
     */
    public void returnOrder(Actor handler, String reason, WorkOrderRules rules, Instant now) {
        String role = handler.require(Roles.DEPT_HANDLER, "return");
        requireText(reason, "reason");
        int at = activeAssignment(handler);
        Assignment part = assignments.get(at);
        if (part.state() == Assignment.State.REPLIED) {
            throw DomainException.conflict("ALREADY_REPLIED", "department " + part.department()
                    + " has replied; a replied order is not returned");
        }
        if (part.role() == Role.LEAD) {
            requireStatus("return", WorkOrderStatus.DISPATCHED, WorkOrderStatus.SIGNED, WorkOrderStatus.IN_PROGRESS);
            assignments.replaceAll(Assignment::returned);
            signClock = signClock.stopped() ? signClock : signClock.complete(now);
            replyClock = replyClock.complete(now);
            extensionRequest = null;
        } else {
            assignments.set(at, part.returned());
        }
        returns.add(new Return(part.department(), reason, now));
        int departmentReturns = (int) returns.stream().filter(r -> r.department().equals(part.department())).count();
        WorkOrderStatus to = part.role() == Role.LEAD ? WorkOrderStatus.RETURNED : status;
        transition(handler, role, "RETURN", to, part.department(), reason, now);
        registerEvent("workorder.returned", new WorkOrderEvents.Returned(facts(rules, now), part.department(),
                part.role(), Masking.inText(reason), departmentReturns, now), now);
    }

    /** 办理 begins (optional: a department may reply straight after signing). */
    public void start(Actor handler, WorkOrderRules rules, Instant now) {
        String role = handler.require(Roles.DEPT_HANDLER, "start handling");
        Assignment lead = requireLead(handler, "start handling");
        requireStatus("start", WorkOrderStatus.SIGNED, WorkOrderStatus.REOPENED);
        transition(handler, role, "START", WorkOrderStatus.IN_PROGRESS, lead.department(), null, now);
        registerEvent("workorder.started", new WorkOrderEvents.Started(facts(rules, now), lead.department(), now),
                now);
    }

    /** 延期申请 by the lead department, in the reply clock's unit; the dispatcher decides. */
    public void requestExtension(Actor handler, int amount, String reason, WorkOrderRules rules, Instant now) {
        String role = handler.require(Roles.DEPT_HANDLER, "request an extension of");
        Assignment lead = requireLead(handler, "request an extension");
        requireStatus("request an extension", WorkOrderStatus.SIGNED, WorkOrderStatus.IN_PROGRESS,
                WorkOrderStatus.REOPENED);
        requireText(reason, "reason");
        if (extensionRequest != null) {
            throw DomainException.conflict("EXTENSION_PENDING", "an extension request is already waiting");
        }
        if (extensionsApproved >= rules.maxExtensions()) {
            throw DomainException.conflict("EXTENSION_LIMIT_REACHED", "this order has already been extended "
                    + extensionsApproved + " time(s)");
        }
        if (amount < 1 || amount > 30) {
            throw DomainException.invalid("INVALID_EXTENSION", "an extension is 1 to 30 "
                    + unitName(replyClock.limit().unit())).with("field", "amount");
        }
        extensionRequest = new ExtensionRequest(amount, reason, lead.department(), handler.name(), now);
        transition(handler, role, "REQUEST_EXTENSION", status, lead.department(),
                "+" + amount + " " + unitName(replyClock.limit().unit()) + ": " + reason, now);
        registerEvent("workorder.extension-requested", new WorkOrderEvents.ExtensionRequested(facts(rules, now),
                amount, replyClock.limit().unit().name(), Masking.inText(reason), now), now);
    }

    /** The dispatcher approves or refuses the pending extension request. */
    public void decideExtension(Actor dispatcher, boolean approve, String comment, WorkOrderRules rules,
            Instant now) {
        String role = dispatcher.require(Roles.HOTLINE_DISPATCHER, "decide an extension of");
        if (extensionRequest == null) {
            throw DomainException.conflict("NO_EXTENSION_REQUEST", "no extension request is waiting");
        }
        ExtensionRequest request = extensionRequest;
        extensionRequest = null;
        if (approve) {
            replyClock = replyClock.extend(new Limit(request.amount(), replyClock.limit().unit()),
                    request.reason(), now);
            extensionsApproved++;
        }
        transition(dispatcher, role, approve ? "APPROVE_EXTENSION" : "REFUSE_EXTENSION", status,
                request.department(), comment, now);
        registerEvent("workorder.extension-decided", new WorkOrderEvents.ExtensionDecided(facts(rules, now), approve,
                request.amount(), replyClock.limit().unit().name(), Masking.inText(comment), now), now);
    }

    /**
     * 答复 by the actor's department. A helper's reply is its part; the lead's is the order's: the reply clock stops,
     * the callback clock starts.
     */
    public void reply(Actor handler, String replyText, WorkOrderRules rules, Instant now) {
        String role = handler.require(Roles.DEPT_HANDLER, "reply to");
        requireText(replyText, "reply");
        int at = activeAssignment(handler);
        Assignment part = assignments.get(at);
        if (part.state() == Assignment.State.DISPATCHED) {
            throw DomainException.conflict("NOT_SIGNED", "department " + part.department()
                    + " signs for the order before replying");
        }
        if (part.state() == Assignment.State.REPLIED) {
            throw DomainException.conflict("ALREADY_REPLIED", "department " + part.department() + " has replied");
        }
        assignments.set(at, part.replied(replyText, now));
        if (part.role() == Role.HELPER) {
            transition(handler, role, "REPLY", status, part.department(), "协办 reply", now);
            registerEvent("workorder.replied", new WorkOrderEvents.Replied(facts(rules, now), part.department(),
                    Role.HELPER, now, !replyClock.overdue(rules.calendar(), now), List.of()), now);
            return;
        }
        requireStatus("reply", WorkOrderStatus.SIGNED, WorkOrderStatus.IN_PROGRESS, WorkOrderStatus.REOPENED);
        replyClock = replyClock.complete(now);
        extensionRequest = null;
        reply = replyText;
        replyDepartment = part.department();
        repliedAt = now;
        callbackClock = WorkClock.start(now, rules.callback());
        boolean onTime = replyClock.finishedOnTime(rules.calendar());
        transition(handler, role, "REPLY", WorkOrderStatus.REPLIED, part.department(), null, now);
        registerEvent("workorder.replied", new WorkOrderEvents.Replied(facts(rules, now), part.department(),
                Role.LEAD, now, onTime, List.copyOf(mergedOrders)), now);
    }

    // ------------------------------------------------------------------------------------------------ merged

    /** 合并 into {@code primary}, an open order handled for both; this order waits for the primary's reply. */
    public void mergeInto(Actor dispatcher, WorkOrder primary, WorkOrderRules rules, Instant now) {
        String role = dispatcher.require(Roles.HOTLINE_DISPATCHER, "merge");
        requireStatus("merge", WorkOrderStatus.REGISTERED);
        if (primary.id.equals(id) || primary.mergedInto != null || !WorkOrderStatus.OPEN.contains(primary.status)) {
            throw DomainException.conflict("NOT_MERGEABLE", "order " + primary.orderNo
                    + " is not an open order this one can be merged into");
        }
        mergedInto = primary.id;
        mergedIntoNo = primary.orderNo;
        transition(dispatcher, role, "MERGE", WorkOrderStatus.MERGED, null, "into " + primary.orderNo, now);
        registerEvent("workorder.merged", new WorkOrderEvents.Merged(facts(rules, now), primary.id, primary.orderNo,
                now), now);
    }

    /** The primary side of a merge: the merged order is replied with this one. */
    public void acceptMerged(WorkOrder merged) {
        if (!mergedOrders.contains(merged.id)) {
            mergedOrders.add(merged.id);
        }
    }

    /**
     * The primary order was replied: a merged order gets the same reply (each caller is told and called back).
     * Idempotent — false when this order is no longer waiting for it.
     */
    public boolean replyWithPrimary(String primaryReply, String department, WorkOrderRules rules, Instant now) {
        if (status != WorkOrderStatus.MERGED) {
            return false;
        }
        reply = primaryReply;
        replyDepartment = department;
        repliedAt = now;
        callbackClock = WorkClock.start(now, rules.callback());
        transition(Actor.SYSTEM, "system", "REPLY", WorkOrderStatus.REPLIED, department, "reply of " + mergedIntoNo,
                now);
        registerEvent("workorder.replied", new WorkOrderEvents.Replied(facts(rules, now), department, Role.LEAD, now,
                true, List.of()), now);
        return true;
    }

    // ------------------------------------------------------------------------------------------------ callback

    /**
     * 回访 by an agent. Satisfied or basically satisfied: waits to be closed. Unsatisfied: reopened (重办) on a new
     * reply deadline; the second unsatisfied callback also sends the order to supervision.
     */
    public void recordCallback(Actor agent, CallbackResult result, String comment, WorkOrderRules rules,
            Instant now) {
        String role = agent.require(Roles.HOTLINE_AGENT, "call back");
        requireStatus("record a callback", WorkOrderStatus.REPLIED);
        Objects.requireNonNull(result, "result");
        callbacks.add(new Callback(result, comment, agent.name(), now));
        callbackClock = callbackClock.complete(now);
        int unsatisfied = unsatisfiedCount();
        if (result != CallbackResult.UNSATISFIED) {
            transition(agent, role, "CALLBACK", WorkOrderStatus.CALLBACK, null, result.name(), now);
            registerEvent("workorder.callback-recorded", new WorkOrderEvents.CallbackRecorded(facts(rules, now),
                    result, unsatisfied, now), now);
            return;
        }
        registerEvent("workorder.callback-recorded", new WorkOrderEvents.CallbackRecorded(facts(rules, now), result,
                unsatisfied, now), now);
        reopen(agent, role, comment, rules, now);
        if (unsatisfied >= 2 && !escalated) {
            escalated = true;
            history.add(new HistoryEntry(now, agent.id(), agent.name(), role, "ESCALATE", status, status, null,
                    "second unsatisfied callback"));
            registerEvent("workorder.escalated", new WorkOrderEvents.Escalated(facts(rules, now),
                    "UNSATISFIED_TWICE", now), now);
        }
    }

    private void reopen(Actor agent, String role, String comment, WorkOrderRules rules, Instant now) {
        reopenCount++;
        replyClock = WorkClock.start(now, rules.reopenedReply(urgency));
        callbackClock = null;
        reply = null;
        repliedAt = null;
        if (mergedInto == null) {
            assignments.replaceAll(a -> a.role() == Role.LEAD && a.active() ? a.reopened() : a);
        }
        transition(agent, role, "REOPEN", WorkOrderStatus.REOPENED, null, comment, now);
        registerEvent("workorder.reopened", new WorkOrderEvents.Reopened(facts(rules, now),
                comment == null ? "unsatisfied callback" : Masking.inText(comment), now), now);
    }

    /** 办结 after a satisfied (or basically satisfied) callback. */
    public void close(Actor actor, WorkOrderRules rules, Instant now) {
        String role = actor.has(Roles.HOTLINE_AGENT) ? Roles.HOTLINE_AGENT
                : actor.require(Roles.HOTLINE_DISPATCHER, "close");
        requireStatus("close", WorkOrderStatus.CALLBACK);
        closedAt = now;
        String outcome = callbacks.get(callbacks.size() - 1).result().name();
        transition(actor, role, "CLOSE", WorkOrderStatus.CLOSED, null, outcome, now);
        registerEvent("workorder.closed", new WorkOrderEvents.Closed(facts(rules, now), outcome, now), now);
    }

    // ------------------------------------------------------------------------------------------------ derived

    /** The deadline the order is on now; empty when nothing is due (registered, waiting to close, ended). */
    public Optional<Deadline> deadline(WorkOrderRules rules, Instant now) {
        return switch (status) {
            case DISPATCHED -> Optional.of(Deadline.of(Deadline.Phase.SIGN, signClock, rules.calendar(),
                    rules.thresholds(), now));
            case SIGNED, IN_PROGRESS, REOPENED -> Optional.of(Deadline.of(Deadline.Phase.REPLY, replyClock,
                    rules.calendar(), rules.thresholds(), now));
            case REPLIED -> Optional.of(Deadline.of(Deadline.Phase.CALLBACK, callbackClock, rules.calendar(),
                    rules.thresholds(), now));
            default -> Optional.empty();
        };
    }

    /**
     * When the reply is due, while one is: from dispatch (the reply clock starts then, beside the sign clock) until
     * the lead department replies. Empty before dispatch, after a return, once replied and for a merged order.
     */
    public Optional<Instant> replyDueAt(WorkOrderRules rules, Instant now) {
        return switch (status) {
            case DISPATCHED, SIGNED, IN_PROGRESS, REOPENED -> Optional.of(replyClock.dueAt(rules.calendar(), now));
            default -> Optional.empty();
        };
    }

    /** The level the worklist index gives at {@code now}; null when no deadline runs. */
    public ClockLevel indexedLevel(Instant now) {
        if (dueAt == null) {
            return null;
        }
        return now.isAfter(dueAt) ? ClockLevel.RED : now.isBefore(yellowAt) ? ClockLevel.GREEN : ClockLevel.YELLOW;
    }

    public WorkOrderFacts facts(WorkOrderRules rules, Instant now) {
        Assignment lead = lead().orElse(null);
        return new WorkOrderFacts(id, orderNo, status, channel, demandType, categoryCode, categoryPath, region,
                urgency, lead == null ? null : lead.department(), helperDepartments(), caller.confidential(),
                caller.anonymous(), caller.mobileRef(), caller.subject(), returns.size(), reopenCount, mergedIntoNo,
                deadline(rules, now).orElse(null));
    }

    public Optional<Assignment> lead() {
        return assignments.stream().filter(a -> a.role() == Role.LEAD && a.active()).findFirst();
    }

    public List<String> helperDepartments() {
        return assignments.stream().filter(a -> a.role() == Role.HELPER && a.active()).map(Assignment::department)
                .toList();
    }

    public int unsatisfiedCount() {
        return (int) callbacks.stream().filter(c -> c.result() == CallbackResult.UNSATISFIED).count();
    }

    /** Whether {@code department} has (or had) a part in this order. */
    public boolean involves(String department) {
        return department != null && (assignments.stream().anyMatch(a -> a.department().equals(department))
                || returns.stream().anyMatch(r -> r.department().equals(department)));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private int activeAssignment(Actor handler) {
        for (int i = 0; i < assignments.size(); i++) {
            Assignment a = assignments.get(i);
            if (a.active() && a.department().equals(handler.department())) {
                return i;
            }
        }
        throw DomainException.notAllowed("NOT_ASSIGNED", "your department has no open part in this order");
    }

    private Assignment requireLead(Actor handler, String action) {
        Assignment part = assignments.get(activeAssignment(handler));
        if (part.role() != Role.LEAD) {
            throw DomainException.notAllowed("NOT_LEAD", "only the lead department (主办) may " + action);
        }
        return part;
    }

    private void requireStatus(String action, WorkOrderStatus... allowed) {
        for (WorkOrderStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw DomainException.illegalState(status, action);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("MISSING_" + field.toUpperCase(), field + " is required")
                    .with("field", field);
        }
    }

    private static String unitName(Limit.Unit unit) {
        return switch (unit) {
            case WORKING_DAYS -> "working days";
            case HOURS -> "hours";
            case MINUTES -> "minutes";
        };
    }

    private void transition(Actor actor, String role, String action, WorkOrderStatus to, String department,
            String comment, Instant now) {
        WorkOrderStatus from = status;
        status = to;
        departments = assignments.stream().filter(Assignment::active).map(Assignment::department).toList();
        record(now, actor, role, action, from, department, comment);
    }

    private void record(Instant now, Actor actor, String role, String action, WorkOrderStatus from,
            String department, String comment) {
        history.add(new HistoryEntry(now, actor.id(), actor.name(), role, action, from, status, department, comment));
    }

    /** Copies the current clock's due and yellow instants for the worklist index; call before saving. */
    void refreshDeadlineIndex(WorkOrderRules rules, Instant now) {
        Optional<WorkClock> current = switch (status) {
            case DISPATCHED -> Optional.of(signClock);
            case SIGNED, IN_PROGRESS, REOPENED -> Optional.of(replyClock);
            case REPLIED -> Optional.of(callbackClock);
            default -> Optional.empty();
        };
        dueAt = current.map(c -> c.dueAt(rules.calendar(), now).truncatedTo(ChronoUnit.MILLIS)).orElse(null);
        yellowAt = current.map(c -> c.yellowAt(rules.calendar(), now, rules.thresholds())
                .truncatedTo(ChronoUnit.MILLIS)).orElse(null);
    }

    @Override
    protected String aggregateType() {
        return "workorder";
    }

    @Override
    protected String region() {
        return region;
    }

    // ------------------------------------------------------------------------------------------------ accessors

    public String id() { return id; }
    public String orderNo() { return orderNo; }
    public IntakeChannel channel() { return channel; }
    public CallerInfo caller() { return caller; }
    public DemandType demandType() { return demandType; }
    public String categoryCode() { return categoryCode; }
    public List<String> categoryPath() { return categoryPath; }
    public String address() { return address; }
    public String regionCode() { return region; }
    public Location location() { return location; }
    public Urgency urgency() { return urgency; }
    public String text() { return text; }
    public Instant registeredAt() { return registeredAt; }
    public WorkOrderStatus status() { return status; }
    public List<Assignment> assignments() { return List.copyOf(assignments); }
    public List<Return> returns() { return List.copyOf(returns); }
    public ExtensionRequest extensionRequest() { return extensionRequest; }
    public String reply() { return reply; }
    public String replyDepartment() { return replyDepartment; }
    public Instant repliedAt() { return repliedAt; }
    public String knowledgeEntryId() { return knowledgeEntryId; }
    public List<Callback> callbacks() { return List.copyOf(callbacks); }
    public int reopenCount() { return reopenCount; }
    public boolean escalated() { return escalated; }
    public String mergedInto() { return mergedInto; }
    public String mergedIntoNo() { return mergedIntoNo; }
    public List<String> mergedOrders() { return List.copyOf(mergedOrders); }
    public List<String> duplicateOf() { return List.copyOf(duplicateOf); }
    public Instant closedAt() { return closedAt; }
    public List<HistoryEntry> history() { return List.copyOf(history); }
    public Instant updatedAt() { return history.isEmpty() ? registeredAt : history.get(history.size() - 1).at(); }
}
