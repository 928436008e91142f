package dev.onewindow.evaluation.ratings.messaging;

import java.util.List;
import java.util.Set;

import dev.onewindow.evaluation.ratings.Rating;
import dev.onewindow.evaluation.ratings.RatingService;
import dev.onewindow.evaluation.ratings.Stage;
import dev.onewindow.evaluation.ratings.SubjectType;
import dev.onewindow.platform.events.EventHandlers;
import dev.onewindow.platform.events.EventReader;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * 办件100%评价: every case that ends ({@code case.completed}: approved, denied or rejected) invites its applicant; a
 * case accepted on site (window, kiosk) invites a rating of the service at once (一次一评). The applicant is the
 * case's {@code holderRef}. Applying an event twice changes nothing (one invitation per case and stage).
 */
@Component
class CaseEventsListener {

    static final String TOPIC = "case-handling.case.events.v1";
    private static final Set<String> ON_SITE = Set.of("SERVICE_HALL", "SELF_SERVICE_KIOSK");
    private static final String BUNDLE = "BUNDLE";

    private final EventHandlers handlers;

    CaseEventsListener(EventReader events, RatingService ratings) {
        this.handlers = EventHandlers.using(events)
                .on("case.completed", CaseFacts.class, (event, c) -> {
                    // a bundle (一件事) is rated through its members: each completes on its own, in the department
                    // responsible for it (谁办理、谁负责); the bundle itself would be a second rating of the same work
                    if (!BUNDLE.equals(c.kind())) {
                        ratings.invite(c.matter(Stage.COMPLETION));
                    }
                })
                .on("case.accepted", CaseFacts.class, (event, c) -> {
                    if (ON_SITE.contains(c.channel()) && !BUNDLE.equals(c.kind())) {
                        ratings.invite(c.matter(Stage.ACCEPTANCE));
                    }
                });
    }

    @KafkaListener(topics = TOPIC, groupId = "evaluation.case-invitations")
    void on(String record) {
        handlers.handle(record);
    }

    /** The fields of {@code case.completed} and {@code case.accepted} an invitation needs. */
    record CaseFacts(String caseId, String caseNo, String kind, String implementationCode, String departmentCode,
            String region, String channel, String holderRef, String outcome) {

        Rating.Matter matter(Stage stage) {
            return new Rating.Matter(SubjectType.CASE, caseId, caseNo, stage, region, departmentCode,
                    implementationCode, channel, stage == Stage.COMPLETION ? outcome : null, List.of(holderRef),
                    holderRef);
        }
    }
}
