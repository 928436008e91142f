package dev.onewindow.elicense.license.messaging;

import dev.onewindow.elicense.license.LicenseService;
import dev.onewindow.elicense.license.LicenseService.IssueCommand;
import dev.onewindow.platform.events.EventContext;
import dev.onewindow.platform.events.EventReader;
import dev.onewindow.platform.events.IncomingEvent;
import dev.onewindow.platform.events.MalformedEventException;
import dev.onewindow.platform.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Issues the licence a case approval calls for, exactly once per case: the issuance key {@code case:<caseId>} binds
 * the case to one licence id, so a redelivered or replayed {@code case.approved} finds the licence already issued
 * and changes nothing. The resulting {@code license.issued} lets case-handling complete the case.
 */
@Component
class CaseApprovalListener {

    static final String TOPIC = "case-handling.case.events.v1";
    private static final Logger log = LoggerFactory.getLogger(CaseApprovalListener.class);

    private final EventReader events;
    private final LicenseService licenses;

    CaseApprovalListener(EventReader events, LicenseService licenses) {
        this.events = events;
        this.licenses = licenses;
    }

    @KafkaListener(topics = TOPIC, groupId = "e-license.issuing")
    void on(String record) {
        IncomingEvent event = events.read(record);
        if (!"case.approved".equals(event.type())) {
            return;
        }
        CaseApproved approved = events.data(event, CaseApproved.class);
        if (approved.resultLicenseType() == null || approved.resultLicenseType().isBlank()) {
            return; // the result is a document, not a licence
        }
        String caseId = approved.caseId() != null ? approved.caseId() : event.aggregateId();
        if (approved.holderRef() == null || approved.holderRef().isBlank()) {
            throw new MalformedEventException("case.approved " + event.id() + " names no holderRef", null);
        }
        String region = approved.region() != null ? approved.region() : event.region();
        try {
            LicenseService.Issued issued = EventContext.causedBy(event, () -> licenses.issue(new IssueCommand(
                    approved.resultLicenseType(), approved.departmentCode(), approved.holderRef(),
                    approved.licenseFields(), false, region, null,
                    caseId, "case:" + caseId, "case-handling:" + (approved.caseNo() != null ? approved.caseNo()
                            : caseId))));
            if (!issued.created()) {
                log.info("case {} already has licence {}; redelivered approval ignored", caseId,
                        issued.license().id());
            }
        } catch (ApiException e) {
            if (e.status() == HttpStatus.BAD_REQUEST) {
                // an unknown licence type or a face that does not match it cannot be fixed by retrying; the values
                // are personal data, so only the codes are logged
                throw new MalformedEventException("case.approved " + event.id() + " for case " + caseId
                        + " cannot issue a licence: " + e.code() + " " + e.properties().keySet(), e);
            }
            throw e; // e.g. no seal key yet (503): retried, then dead-lettered
        }
    }
}
