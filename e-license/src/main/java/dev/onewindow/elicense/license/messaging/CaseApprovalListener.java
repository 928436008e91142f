package dev.onewindow.elicense.license.messaging;

import dev.onewindow.elicense.Limits;
import dev.onewindow.elicense.license.LicenseService;
import dev.onewindow.elicense.license.LicenseService.IssueCommand;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.events.EventHandlers;
import dev.onewindow.platform.events.EventReader;
import dev.onewindow.platform.events.IncomingEvent;
import dev.onewindow.platform.text.TextPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Issues the licence a case approval calls for, exactly once per case: the issuance key {@code case:<caseId>} binds
 * the case to one licence id, so a redelivered or replayed {@code case.approved} finds the licence already issued
 * and changes nothing. The resulting {@code license.issued} lets case-handling complete the case.
 *
 * <p>What cannot be issued is sorted by the platform's {@link EventHandlers}: an approval the domain refuses as
 * invalid (unknown licence type, a face that does not fit it — control or bidirectional characters included, which
 * no request check saw —, a department that does not issue it, no holderRef, a case id or number that is not plain
 * text) can never be issued and is dead-lettered at once; an unavailable seal key is retried, then dead-lettered.
 */
@Component
class CaseApprovalListener {

    static final String TOPIC = "case-handling.case.events.v1";
    private static final Logger log = LoggerFactory.getLogger(CaseApprovalListener.class);

    private final EventHandlers handlers;
    private final LicenseService licenses;

    CaseApprovalListener(EventReader events, LicenseService licenses) {
        this.licenses = licenses;
        this.handlers = EventHandlers.using(events).on("case.approved", CaseApproved.class, this::issue);
    }

    @KafkaListener(topics = TOPIC, groupId = "e-license.issuing")
    void on(String record) {
        handlers.handle(record);
    }

    private void issue(IncomingEvent event, CaseApproved approved) {
        if (approved.resultLicenseType() == null || approved.resultLicenseType().isBlank()) {
            return; // the result is a document, not a licence
        }
        String caseId = approved.caseId() != null ? approved.caseId() : event.aggregateId();
        if (caseId == null || caseId.isBlank()
                || TextPolicy.check(caseId, TextPolicy.Lines.SINGLE, Limits.CASE_REF_LENGTH) != null) {
            throw DomainException.invalid("INVALID_CASE_ID", "a case id is plain text of at most "
                    + Limits.CASE_REF_LENGTH + " characters");
        }
        if (TextPolicy.check(approved.caseNo(), TextPolicy.Lines.SINGLE, Limits.CASE_REF_LENGTH) != null) {
            // it names who issued the licence in the licence's history
            throw DomainException.invalid("INVALID_CASE_NO", "a case number is plain text of at most "
                    + Limits.CASE_REF_LENGTH + " characters");
        }
        String region = approved.region() != null ? approved.region() : event.region();
        LicenseService.Issued issued = licenses.issue(new IssueCommand(approved.resultLicenseType(),
                approved.departmentCode(), approved.holderRef(), approved.licenseFields(), false, region, null,
                caseId, "case:" + caseId, "case-handling:" + (approved.caseNo() != null ? approved.caseNo()
                        : caseId)));
        if (!issued.created()) {
            log.info("case {} already has licence {}; redelivered approval ignored", caseId, issued.license().id());
        }
    }
}
