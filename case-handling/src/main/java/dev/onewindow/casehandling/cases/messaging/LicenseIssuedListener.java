package dev.onewindow.casehandling.cases.messaging;

import dev.onewindow.casehandling.cases.CaseService;
import dev.onewindow.platform.events.EventContext;
import dev.onewindow.platform.events.EventReader;
import dev.onewindow.platform.events.IncomingEvent;
import dev.onewindow.platform.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * 办结 when e-license has issued the result license of an approved case (docs/service-contracts.md). Idempotent
 * without a processed-events table: completing is a state transition, so a redelivered {@code license.issued} finds
 * the case already completed with that license and changes nothing. Other e-license events are not for us.
 */
@Component
class LicenseIssuedListener {

    private static final Logger log = LoggerFactory.getLogger(LicenseIssuedListener.class);

    static final String TOPIC = "e-license.license.events.v1";

    private final EventReader events;
    private final CaseService cases;

    LicenseIssuedListener(EventReader events, CaseService cases) {
        this.events = events;
        this.cases = cases;
    }

    @KafkaListener(topics = TOPIC, groupId = "case-handling.completion")
    void on(String record) {
        IncomingEvent event = events.read(record);
        if (!"license.issued".equals(event.type())) {
            return;
        }
        LicenseIssued issued = events.data(event, LicenseIssued.class);
        if (issued.caseId() == null || issued.licenseId() == null) {
            return; // issued through e-license's API, not for a case
        }
        try {
            EventContext.causedBy(event, () -> cases.completeWithLicense(issued.caseId(), issued.licenseId()));
        } catch (ApiException notApplicable) {
            // e.g. a license reissued for a case that completed long ago: nothing to do, and retrying cannot help
            log.warn("license.issued {} for case {} not applied: {}", issued.licenseId(), issued.caseId(),
                    notApplicable.getMessage());
        }
    }

    /** The fields of e-license's {@code license.issued} this service reads. */
    record LicenseIssued(String licenseId, String typeCode, String caseId) {
    }
}
