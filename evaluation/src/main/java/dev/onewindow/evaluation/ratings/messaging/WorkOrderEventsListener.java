package dev.onewindow.evaluation.ratings.messaging;

import java.util.ArrayList;
import java.util.List;

import dev.onewindow.evaluation.ratings.Raters;
import dev.onewindow.evaluation.ratings.Rating;
import dev.onewindow.evaluation.ratings.RatingService;
import dev.onewindow.evaluation.ratings.Stage;
import dev.onewindow.evaluation.ratings.SubjectType;
import dev.onewindow.platform.events.EventHandlers;
import dev.onewindow.platform.events.EventReader;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every closed 12345 work order ({@code workorder.closed}) invites its caller to rate the lead department's handling.
 * The caller is known by the token subject of a signed-in filer ({@code callerSubject}) and by the keyed hash of the
 * number ({@code callerRef}) a notification sender texts; an anonymous caller left neither and is not invited. A
 * caller with a number gets a texted rating code in the invitation: a phone caller cannot sign in as the caller.
 */
@Component
class WorkOrderEventsListener {

    static final String TOPIC = "hotline-12345.workorder.events.v1";

    private final EventHandlers handlers;

    WorkOrderEventsListener(EventReader events, RatingService ratings) {
        this.handlers = EventHandlers.using(events).on("workorder.closed", Closed.class, (event, closed) -> {
            List<String> refs = new ArrayList<>();
            if (closed.callerSubject() != null) {
                refs.add(Raters.subjectRef(closed.callerSubject()));
            }
            if (closed.callerRef() != null) {
                refs.add(closed.callerRef());
            }
            if (closed.anonymous() || refs.isEmpty() || closed.leadDepartment() == null) {
                return;
            }
            ratings.invite(new Rating.Matter(SubjectType.WORK_ORDER, closed.orderId(), closed.orderNo(),
                    Stage.COMPLETION, closed.region(), closed.leadDepartment(), null, "HOTLINE_12345",
                    closed.outcome(), refs, closed.callerRef() != null ? closed.callerRef() : refs.get(0)),
                    closed.callerRef() != null);
        });
    }

    @KafkaListener(topics = TOPIC, groupId = "evaluation.workorder-invitations")
    void on(String record) {
        handlers.handle(record);
    }

    /** The fields of {@code workorder.closed} an invitation needs. */
    record Closed(String orderId, String orderNo, String region, String leadDepartment, boolean anonymous,
            String callerRef, String callerSubject, String outcome) {
    }
}
