package dev.onewindow.casehandling.cases.messaging;

import dev.onewindow.casehandling.cases.CaseService;
import dev.onewindow.casehandling.cases.CaseStatus;
import dev.onewindow.platform.events.EventContext;
import dev.onewindow.platform.events.EventReader;
import dev.onewindow.platform.events.IncomingEvent;
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

    private final EventReader events;
    private final CaseService cases;

    BundleProgressListener(EventReader events, CaseService cases) {
        this.events = events;
        this.cases = cases;
    }

    @KafkaListener(topics = TOPIC, groupId = "case-handling.bundles")
    void on(String record) {
        IncomingEvent event = events.read(record);
        MemberEvent member = events.data(event, MemberEvent.class);
        if (member.parentCaseId() == null || member.status() == null) {
            return;
        }
        EventContext.causedBy(event, () -> cases.recordMemberProgress(member.parentCaseId(), event.aggregateId(),
                member.status(), event.sequence()));
    }

    /** The fields of our own case events the bundle summary needs. */
    record MemberEvent(String parentCaseId, CaseStatus status) {
    }
}
