package dev.onewindow.casehandling.cases.messaging;

import dev.onewindow.casehandling.cases.CaseService;
import dev.onewindow.platform.events.EventHandlers;
import dev.onewindow.platform.events.EventReader;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * 办结 when e-license has issued the result license of an approved case (docs/service-contracts.md). Idempotent
 * without a processed-events table: completing is a state transition, so a redelivered {@code license.issued} finds
 * the case already completed with that license and changes nothing; a case that has moved on (a license reissued
 * for a case completed long ago) is a conflict the platform logs and skips. Other e-license events are not for us.
 */
@Component
class LicenseIssuedListener {

    static final String TOPIC = "e-license.license.events.v1";

    private final EventHandlers handlers;

    LicenseIssuedListener(EventReader events, CaseService cases) {
        this.handlers = EventHandlers.using(events).on("license.issued", LicenseIssued.class, (event, issued) -> {
            // a license issued through e-license's API, not for a case, is not ours
            if (issued.caseId() != null && issued.licenseId() != null) {
                cases.completeWithLicense(issued.caseId(), issued.licenseId());
            }
        });
    }

    @KafkaListener(topics = TOPIC, groupId = "case-handling.completion")
    void on(String record) {
        handlers.handle(record);
    }

    /** The fields of e-license's {@code license.issued} this service reads. */
    record LicenseIssued(String licenseId, String typeCode, String caseId) {
    }
}
