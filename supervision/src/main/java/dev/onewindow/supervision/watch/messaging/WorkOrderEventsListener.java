package dev.onewindow.supervision.watch.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import dev.onewindow.platform.calendar.Extension;
import dev.onewindow.platform.calendar.Limit;
import dev.onewindow.platform.calendar.WorkClock;
import dev.onewindow.platform.events.EventHandlers;
import dev.onewindow.platform.events.EventReader;
import dev.onewindow.platform.events.IncomingEvent;
import dev.onewindow.supervision.Source;
import dev.onewindow.supervision.config.SupervisionProperties;
import dev.onewindow.supervision.kpi.Metric;
import dev.onewindow.supervision.watch.AlertKind;
import dev.onewindow.supervision.watch.Phases;
import dev.onewindow.supervision.watch.WatchService;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The step clocks of 12345 work orders (sign, reply, callback — each step on its own limit, 国办发〔2020〕53号),
 * rebuilt from the {@code deadline} every hotline event carries: its start, limit, unit and extensions, never its
 * {@code dueAt}. A new start of a phase (a re-dispatch, a reopened order) is a new round. Flags: an order returned
 * {@code repeated-returns} times or more, and an order escalated after two unsatisfied callbacks.
 */
@Component
class WorkOrderEventsListener {

    static final String TOPIC = "hotline-12345.workorder.events.v1";
    private static final List<String> STEPS = List.of(Phases.SIGN, Phases.REPLY, Phases.CALLBACK);
    private static final Set<String> SATISFIED = Set.of("SATISFIED", "BASICALLY_SATISFIED");
    private static final String REPLY_LATE = "replyLate";
    private static final String COMPLAINT_COUNTED = "complaintCounted";

    private final EventHandlers handlers;

    WorkOrderEventsListener(EventReader events, WatchService watch, SupervisionProperties properties) {
        EventHandlers h = EventHandlers.using(events);
        for (String type : List.of("workorder.registered", "workorder.answered", "workorder.started",
                "workorder.extension-requested", "workorder.extension-decided", "workorder.reopened")) {
            h.on(type, OrderFacts.class, (e, o) -> apply(watch, e, o, step -> follow(step, o, e.occurredAt())));
        }
        this.handlers = h
                .on("workorder.dispatched", OrderFacts.class, (e, o) -> apply(watch, e, o, step -> {
                    if ("COMPLAINT".equals(o.demandType()) && !step.fact(COMPLAINT_COUNTED)) {
                        step.remember(COMPLAINT_COUNTED);
                        step.count(e.occurredAt(), o.leadDepartment(), Metric.COMPLAINTS, 1);
                    }
                    follow(step, o, e.occurredAt());
                }))
                .on("workorder.signed", OrderFacts.class, (e, o) -> apply(watch, e, o, step -> {
                    if ("LEAD".equals(o.role())) {
                        step.stop(Phases.SIGN, at(o.signedAt(), e)).ifPresent(s -> {
                            step.count(e.occurredAt(), o.department(), Metric.SIGNS, 1);
                            if (s.onTime()) {
                                step.count(e.occurredAt(), o.department(), Metric.SIGNS_ON_TIME, 1);
                            }
                        });
                    }
                    follow(step, o, e.occurredAt());
                }))
                .on("workorder.returned", OrderFacts.class, (e, o) -> apply(watch, e, o, step -> {
                    if (o.returnCount() != null && o.returnCount() >= properties.repeatedReturns()) {
                        step.flag(AlertKind.REPEATED_RETURNS, o.department());
                    }
                    follow(step, o, e.occurredAt());
                }))
                .on("workorder.replied", OrderFacts.class, (e, o) -> apply(watch, e, o, step -> {
                    if ("LEAD".equals(o.role())) {
                        step.stop(Phases.REPLY, at(o.repliedAt(), e)).ifPresent(s -> {
                            step.count(e.occurredAt(), o.department(), Metric.REPLIES, 1);
                            if (s.onTime()) {
                                step.count(e.occurredAt(), o.department(), Metric.REPLIES_ON_TIME, 1);
                            } else {
                                step.remember(REPLY_LATE);
                            }
                        });
                    }
                    follow(step, o, e.occurredAt());
                }))
                .on("workorder.callback-recorded", OrderFacts.class, (e, o) -> apply(watch, e, o, step -> {
                    step.count(e.occurredAt(), o.leadDepartment(), Metric.CALLBACKS, 1);
                    if (SATISFIED.contains(o.result())) {
                        step.count(e.occurredAt(), o.leadDepartment(), Metric.CALLBACKS_SATISFIED, 1);
                    }
                    follow(step, o, e.occurredAt());
                }))
                .on("workorder.escalated", OrderFacts.class, (e, o) -> apply(watch, e, o, step -> {
                    step.flag(AlertKind.CALLBACK_UNSATISFIED, o.leadDepartment());
                    follow(step, o, e.occurredAt());
                }))
                .on("workorder.closed", OrderFacts.class, (e, o) -> apply(watch, e, o, step -> {
                    step.stopAll(at(o.closedAt(), e));
                    if ("COMPLAINT".equals(o.demandType()) && SATISFIED.contains(o.outcome())
                            && step.fact(COMPLAINT_COUNTED) && !step.fact(REPLY_LATE)) {
                        step.count(e.occurredAt(), o.leadDepartment(), Metric.COMPLAINTS_SATISFIED_ON_TIME, 1);
                    }
                }))
                .on("workorder.merged", OrderFacts.class, (e, o) -> apply(watch, e, o,
                        step -> step.stopAll(e.occurredAt())));
    }

    /** Makes the step clocks what the event's {@code deadline} says is running now. */
    private static void follow(WatchService.Step step, OrderFacts o, Instant at) {
        Deadline d = o.deadline();
        for (String phase : STEPS) {
            if (d == null || !phase.equals(d.phase())) {
                step.stop(phase, at);
            }
        }
        if (d == null || d.startedAt() == null || d.unit() == null || d.limit() == null) {
            return;
        }
        Limit.Unit unit = Limit.Unit.valueOf(d.unit());
        List<Extension> extensions = new ArrayList<>();
        for (Deadline.Added added : d.extensions() == null ? List.<Deadline.Added>of() : d.extensions()) {
            extensions.add(new Extension(new Limit(added.amount(), Limit.Unit.valueOf(added.unit())), "延期",
                    latest(added.at(), d.startedAt())));
        }
        step.start(d.phase(), o.leadDepartment(), new WorkClock(d.startedAt(), new Limit(d.limit(), unit), List.of(),
                extensions, null));
    }

    private static void apply(WatchService watch, IncomingEvent event, OrderFacts o, Consumer<WatchService.Step> rule) {
        watch.apply(new WatchService.Subject(Source.WORK_ORDER, o.orderId(), o.orderNo(), o.region(),
                o.leadDepartment()), event.sequence(), event.occurredAt(), rule);
    }

    private static Instant at(Instant stated, IncomingEvent event) {
        return stated != null ? stated : event.occurredAt();
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : a.isAfter(b) ? a : b;
    }

    @KafkaListener(topics = TOPIC, groupId = "supervision.watch-workorders")
    void on(String record) {
        handlers.handle(record);
    }

    /** The fields of hotline-12345's work-order events the watch reads. */
    record OrderFacts(String orderId, String orderNo, String region, String demandType, String leadDepartment,
            Integer returnCount, Deadline deadline, String department, String role, String result, String outcome,
            Instant signedAt, Instant repliedAt, Instant closedAt) {
    }

    /** The step clock as the hotline describes it. */
    record Deadline(String phase, Instant startedAt, Integer limit, String unit, List<Added> extensions) {

        record Added(int amount, String unit, Instant at) {
        }
    }
}
