package dev.onewindow.supervision.watch.messaging;

import java.time.Instant;

import dev.onewindow.platform.calendar.WorkClock;
import dev.onewindow.platform.events.EventHandlers;
import dev.onewindow.platform.events.EventReader;
import dev.onewindow.platform.events.IncomingEvent;
import dev.onewindow.supervision.Source;
import dev.onewindow.supervision.config.SupervisionProperties;
import dev.onewindow.supervision.watch.Phases;
import dev.onewindow.supervision.watch.WatchService;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * data-exchange's clocks: a conditional share request is decided by the providing department within 10 working days
 * of the request (one with no {@code dueAt} was granted at once and has no clock); an objection (数据疑义) is answered
 * within 5 working days. Counted from the request and the objection, never from their {@code dueAt}.
 */
@Component
class DataExchangeEventsListener {

    static final String SHARES = "data-exchange.share.events.v1";
    static final String OBJECTIONS = "data-exchange.objection.events.v1";

    private final EventHandlers handlers;

    DataExchangeEventsListener(EventReader events, WatchService watch, SupervisionProperties properties) {
        this.handlers = EventHandlers.using(events)
                .on("share.requested", ShareFacts.class, (e, s) -> watch.apply(share(s, e), e.sequence(), e.occurredAt(), step -> {
                    if (s.dueAt() != null) {
                        step.start(Phases.DECISION, s.providerDepartment(),
                                WorkClock.start(at(s.requestedAt(), e), properties.shareDecision()));
                    }
                }))
                .on("share.granted", ShareFacts.class, (e, s) -> watch.apply(share(s, e), e.sequence(), e.occurredAt(),
                        step -> step.stop(Phases.DECISION, at(s.decidedAt(), e))))
                .on("share.rejected", ShareFacts.class, (e, s) -> watch.apply(share(s, e), e.sequence(), e.occurredAt(),
                        step -> step.stop(Phases.DECISION, at(s.decidedAt(), e))))
                .on("objection.raised", ObjectionFacts.class, (e, o) -> watch.apply(objection(o, e), e.sequence(), e.occurredAt(),
                        step -> step.start(Phases.ANSWER, o.providerDepartment(),
                                WorkClock.start(at(o.raisedAt(), e), properties.objection()))))
                .on("objection.resolved", ObjectionFacts.class, (e, o) -> watch.apply(objection(o, e),
                        e.sequence(), e.occurredAt(), step -> step.stop(Phases.ANSWER, at(o.resolvedAt(), e))));
    }

    private static WatchService.Subject share(ShareFacts s, IncomingEvent e) {
        return new WatchService.Subject(Source.SHARE_REQUEST, s.requestId(), s.resourceCode(),
                s.region() != null ? s.region() : e.region(), s.providerDepartment());
    }

    private static WatchService.Subject objection(ObjectionFacts o, IncomingEvent e) {
        return new WatchService.Subject(Source.OBJECTION, o.objectionId(), o.resourceCode(), e.region(),
                o.providerDepartment());
    }

    private static Instant at(Instant stated, IncomingEvent event) {
        return stated != null ? stated : event.occurredAt();
    }

    @KafkaListener(topics = {SHARES, OBJECTIONS}, groupId = "supervision.watch-data-exchange")
    void on(String record) {
        handlers.handle(record);
    }

    /** The fields of the share request events the watch reads. */
    record ShareFacts(String requestId, String resourceCode, String providerDepartment, String region,
            Instant requestedAt, Instant dueAt, Instant decidedAt) {
    }

    /** The fields of the objection events the watch reads. */
    record ObjectionFacts(String objectionId, String resourceCode, String providerDepartment, Instant raisedAt,
            Instant resolvedAt) {
    }
}
