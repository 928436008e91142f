package dev.onewindow.supervision.watch.messaging;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.onewindow.platform.calendar.Limit;
import dev.onewindow.platform.calendar.WorkClock;
import dev.onewindow.platform.events.EventHandlers;
import dev.onewindow.platform.events.EventReader;
import dev.onewindow.platform.events.IncomingEvent;
import dev.onewindow.supervision.Source;
import dev.onewindow.supervision.config.SupervisionProperties;
import dev.onewindow.supervision.kpi.EntryDepths;
import dev.onewindow.supervision.kpi.Metric;
import dev.onewindow.supervision.watch.Phases;
import dev.onewindow.supervision.watch.WatchService;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The clocks of cases, recounted from case-handling's events (docs/service-contracts.md): the acceptance window from
 * submission (5 working days, 行政许可法 §32) until accepted, rejected or sent back for 补正; the handling clock from
 * acceptance (or the deemed acceptance) with the entry's limit, paused by 补正 and special procedures, extended by
 * approved extensions, stopped by completion or withdrawal. The due instants on the events are not read: supervision
 * counts on its own calendar. A bundle parent has no clock of its own here — its members are the work. The entry's
 * process steps (环节时限) have clocks of their own ({@link CaseSteps}).
 */
@Component
class CaseEventsListener {

    static final String TOPIC = "case-handling.case.events.v1";
    private static final String BUNDLE = "BUNDLE";

    private final EventHandlers handlers;

    CaseEventsListener(EventReader events, WatchService watch, SupervisionProperties properties, EntryDepths depths) {
        Set<String> online = properties.onlineChannels();
        this.handlers = EventHandlers.using(events)
                .on("case.submitted", CaseFacts.class, (e, c) -> apply(watch, e, c, step -> {
                    if (!BUNDLE.equals(c.kind())) {
                        step.start(Phases.ACCEPTANCE, c.departmentCode(),
                                WorkClock.start(at(c.submittedAt(), e), properties.acceptance()));
                    }
                }))
                .on("case.accepted", CaseFacts.class, (e, c) -> apply(watch, e, c, step -> {
                    Instant accepted = at(c.acceptedAt(), e);
                    step.stop(Phases.ACCEPTANCE, accepted);
                    if (!BUNDLE.equals(c.kind()) && c.limitWorkingDays() != null) {
                        Instant start = c.deemedAcceptedAt() != null ? c.deemedAcceptedAt() : accepted;
                        step.start(Phases.HANDLING, c.departmentCode(),
                                WorkClock.start(start, Limit.workingDays(c.limitWorkingDays())));
                        CaseSteps.accepted(step, c.departmentCode(), c.steps(), start);
                    }
                }))
                .on("case.review-started", CaseFacts.class, (e, c) -> apply(watch, e, c,
                        step -> CaseSteps.reviewStarted(step, c.departmentCode(), at(c.reviewStartedAt(), e))))
                .on("case.rejected", CaseFacts.class, (e, c) -> apply(watch, e, c,
                        step -> step.stopAll(e.occurredAt())))
                .on("case.supplement-requested", CaseFacts.class, (e, c) -> apply(watch, e, c, step -> {
                    if ("ACCEPTANCE".equals(c.phase()) || !step.running(Phases.HANDLING)) {
                        // 一次性告知: sent back within the window, the acceptance clock stops
                        step.stop(Phases.ACCEPTANCE, e.occurredAt());
                    } else if (Boolean.TRUE.equals(c.clockPaused())) {
                        step.pause(Phases.HANDLING, "补正", e.occurredAt());
                        CaseSteps.pause(step, "补正", e.occurredAt());
                    }
                }))
                .on("case.supplemented", CaseFacts.class, (e, c) -> apply(watch, e, c, step -> {
                    if (step.clock(Phases.HANDLING).isPresent()) {
                        step.resume(Phases.HANDLING, e.occurredAt());
                        CaseSteps.resume(step, e.occurredAt());
                    } else if (!BUNDLE.equals(c.kind())) {
                        // the materials arrived: a new acceptance window
                        step.start(Phases.ACCEPTANCE, c.departmentCode(),
                                WorkClock.start(e.occurredAt(), properties.acceptance()));
                    }
                }))
                .on("case.suspended", CaseFacts.class, (e, c) -> apply(watch, e, c, step -> {
                    String procedure = c.procedure() == null ? "特别程序" : c.procedure();
                    step.pause(Phases.HANDLING, procedure, e.occurredAt());
                    CaseSteps.pause(step, procedure, e.occurredAt());
                }))
                .on("case.resumed", CaseFacts.class, (e, c) -> apply(watch, e, c, step -> {
                    step.resume(Phases.HANDLING, e.occurredAt());
                    CaseSteps.resume(step, e.occurredAt());
                }))
                .on("case.extended", CaseFacts.class, (e, c) -> apply(watch, e, c, step -> {
                    if (c.workingDays() != null && c.workingDays() > 0) {
                        step.extend(Phases.HANDLING, Limit.workingDays(c.workingDays()), e.occurredAt());
                        CaseSteps.extend(step, Limit.workingDays(c.workingDays()), e.occurredAt());
                    }
                }))
                // the decision ends the process step; the handling clock runs on until completion
                .on("case.approved", CaseFacts.class, (e, c) -> apply(watch, e, c,
                        step -> CaseSteps.ended(step, e.occurredAt())))
                .on("case.denied", CaseFacts.class, (e, c) -> apply(watch, e, c,
                        step -> CaseSteps.ended(step, e.occurredAt())))
                .on("case.withdrawn", CaseFacts.class, (e, c) -> apply(watch, e, c,
                        step -> step.stopAll(e.occurredAt())))
                .on("case.completed", CaseFacts.class, (e, c) -> apply(watch, e, c, step -> {
                    step.stop(Phases.ACCEPTANCE, e.occurredAt());
                    CaseSteps.ended(step, e.occurredAt());
                    var handling = step.stop(Phases.HANDLING, e.occurredAt());
                    if (BUNDLE.equals(c.kind())) {
                        return;
                    }
                    Map<Metric, Double> counts = new EnumMap<>(Metric.class);
                    counts.put(Metric.CASES_COMPLETED, 1.0);
                    boolean onTime = handling.map(WatchService.Stopped::onTime)
                            .orElse(!Boolean.FALSE.equals(c.onTime()));
                    counts.put(onTime ? Metric.CASES_ON_TIME : Metric.CASES_LATE, 1.0);
                    handling.ifPresent(h -> {
                        counts.put(Metric.HANDLING_WORKING_DAYS, h.elapsedWorkingDays());
                        counts.put(Metric.HANDLING_MEASURED, 1.0);
                    });
                    if ("APPROVED".equals(c.outcome()) && depths.depth(c.implementationCode()) >= 4) {
                        counts.put(Metric.DEPTH4_COMPLETED, 1.0);
                        if (online.contains(c.channel())) {
                            counts.put(Metric.DEPTH4_ONLINE, 1.0);
                        }
                    }
                    step.count(e.occurredAt(), c.departmentCode(), counts);
                }));
    }

    private static void apply(WatchService watch, IncomingEvent event, CaseFacts c,
            java.util.function.Consumer<WatchService.Step> rule) {
        watch.apply(new WatchService.Subject(Source.CASE, c.caseId(), c.caseNo(), c.region(), c.departmentCode()),
                event.sequence(), event.occurredAt(), rule);
    }

    private static Instant at(Instant stated, IncomingEvent event) {
        return stated != null ? stated : event.occurredAt();
    }

    @KafkaListener(topics = TOPIC, groupId = "supervision.watch-cases")
    void on(String record) {
        handlers.handle(record);
    }

    /** The fields of case-handling's events the watch reads (each type has some of them). */
    record CaseFacts(String caseId, String caseNo, String kind, String implementationCode, String departmentCode,
            String region, String channel, Instant submittedAt, Instant acceptedAt, Instant deemedAcceptedAt,
            Integer limitWorkingDays, String phase, Boolean clockPaused, String procedure, Integer workingDays,
            Boolean onTime, String outcome, List<CaseSteps.StepFacts> steps, Instant reviewStartedAt) {
    }
}
