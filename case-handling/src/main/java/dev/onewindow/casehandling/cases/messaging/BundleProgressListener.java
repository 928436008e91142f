package dev.onewindow.casehandling.cases.messaging;

import java.util.List;

import dev.onewindow.casehandling.cases.CaseService;
import dev.onewindow.casehandling.cases.CaseStatus;
import dev.onewindow.platform.events.EventHandlers;
import dev.onewindow.platform.events.EventReader;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each 一件事 parent's summary of its members from the members' own events: each case stays one document,
 * and a member's progress reaches its parent through the outbox (so it survives a crash between the two saves)
 * and the parent's own command, applied once per member event sequence.
 */
@Component
class BundleProgressListener {

    static final String TOPIC = "case-handling.case.events.v1";

    /** Every event a case registers (each has a contract in {@code contracts/events/}): each may move a member. */
    static final List<String> CASE_EVENTS = List.of("case.submitted", "case.accepted", "case.review-started",
            "case.rejected",
            "case.supplement-requested", "case.supplemented", "case.suspended", "case.resumed", "case.extended",
            "case.approved", "case.denied", "case.completed", "case.withdrawn");

    private final EventHandlers handlers;

    BundleProgressListener(EventReader events, CaseService cases) {
        EventHandlers handlers = EventHandlers.using(events);
        for (String type : CASE_EVENTS) {
            handlers.on(type, MemberEvent.class, (event, member) -> {
                // only members name a parent
                if (member.parentCaseId() != null && member.status() != null) {
                    cases.recordMemberProgress(member.parentCaseId(), event.aggregateId(), member.status(),
                            event.sequence());
                }
            });
        }
        this.handlers = handlers;
    }

    @KafkaListener(topics = TOPIC, groupId = "case-handling.bundles")
    void on(String record) {
        handlers.handle(record);
    }

    /** The fields of our own case events the bundle summary needs. */
    record MemberEvent(String parentCaseId, CaseStatus status) {
    }
}
