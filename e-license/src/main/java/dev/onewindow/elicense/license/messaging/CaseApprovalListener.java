package dev.onewindow.elicense.license.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.onewindow.elicense.Limits;
import dev.onewindow.elicense.license.CaseFaces;
import dev.onewindow.elicense.license.License;
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
 * <p>No personal data travels on the topic: {@code licenseFields} holds the non-personal face fields, and
 * {@code personalLicenseFields} names the personal ones the licence needs. Those — exactly those — are fetched from
 * case-handling ({@link CaseFaces}, as e-license's own service account) when the licence is sealed; a redelivered
 * approval whose licence is issued already fetches nothing.
 *
 * <p>What cannot be issued is sorted by the platform's {@link EventHandlers}: an approval the domain refuses as
 * invalid (unknown licence type, a face that does not fit it — control or bidirectional characters included, which
 * no request check saw —, a department that does not issue it, no holderRef, a case id or number that is not plain
 * text, personal field names that are not field names, a face case-handling does not have: 404) can never be issued
 * and is dead-lettered at once; an unavailable seal key or case-handling is retried, then dead-lettered.
 */
@Component
class CaseApprovalListener {

    static final String TOPIC = "case-handling.case.events.v1";
    private static final Logger log = LoggerFactory.getLogger(CaseApprovalListener.class);

    private final EventHandlers handlers;
    private final LicenseService licenses;
    private final CaseFaces caseFaces;

    CaseApprovalListener(EventReader events, LicenseService licenses, CaseFaces caseFaces) {
        this.licenses = licenses;
        this.caseFaces = caseFaces;
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
        String issuanceKey = "case:" + caseId;
        Map<String, Object> face = approved.licenseFields() == null ? new HashMap<>()
                : new HashMap<>(approved.licenseFields());
        List<String> personal = personalFieldNames(approved.personalLicenseFields());
        if (!personal.isEmpty()) {
            Optional<License> already = licenses.issuedFor(issuanceKey);
            if (already.isPresent()) {
                log.info("case {} already has licence {}; redelivered approval ignored", caseId, already.get().id());
                return;
            }
            // exactly the named personal fields, from the service that holds them; nothing else of its face
            Map<String, Object> fetched = caseFaces.faceOf(caseId);
            for (String name : personal) {
                face.remove(name);
                if (fetched.get(name) != null) {
                    face.put(name, fetched.get(name));
                }
            }
        }
        LicenseService.Issued issued = licenses.issue(new IssueCommand(approved.resultLicenseType(),
                approved.departmentCode(), approved.holderRef(), face, false, region, null,
                caseId, issuanceKey, "case-handling:" + (approved.caseNo() != null ? approved.caseNo()
                        : caseId)));
        if (!issued.created()) {
            log.info("case {} already has licence {}; redelivered approval ignored", caseId, issued.license().id());
        }
    }

    /** The names of the personal fields to fetch: field names, at most as many as a face has. */
    private static List<String> personalFieldNames(List<String> names) {
        if (names == null || names.isEmpty()) {
            return List.of();
        }
        if (names.size() > Limits.FACE_FIELDS || !names.stream().allMatch(n -> n != null
                && n.length() <= Limits.FIELD_NAME_LENGTH && n.matches(Limits.FIELD_NAME))) {
            throw DomainException.invalid("INVALID_PERSONAL_LICENSE_FIELDS", "personalLicenseFields names at most "
                    + Limits.FACE_FIELDS + " licence field names");
        }
        return List.copyOf(new java.util.LinkedHashSet<>(names));
    }
}
