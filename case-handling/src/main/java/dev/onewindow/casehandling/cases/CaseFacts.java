package dev.onewindow.casehandling.cases;

import java.time.Instant;

/**
 * What every case event carries (docs/domain.md, case-handling): case number, implementation code, department,
 * region, channel, the applicant reference (holderRef — never the raw ID number), the status after the event and the
 * clock's due instant at that moment. Unwrapped into each event's {@code data}, so consumers read flat fields.
 */
public record CaseFacts(String caseId, String caseNo, CaseKind kind, String implementationCode, Integer entryVersion,
        String departmentCode, String region, Channel channel, ApplicantType applicantType, String holderRef,
        CaseStatus status, Instant dueAt, String parentCaseId, String bundleCode) {
}
