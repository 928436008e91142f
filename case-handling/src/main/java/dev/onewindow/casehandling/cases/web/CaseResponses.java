package dev.onewindow.casehandling.cases.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.onewindow.casehandling.cases.Applicant;
import dev.onewindow.casehandling.cases.AutoApprovalOutcome;
import dev.onewindow.casehandling.cases.BundleChild;
import dev.onewindow.casehandling.cases.Case;
import dev.onewindow.casehandling.cases.CaseView;
import dev.onewindow.casehandling.cases.ClockSnapshot;
import dev.onewindow.casehandling.cases.Decision;
import dev.onewindow.casehandling.cases.HistoryEntry;
import dev.onewindow.casehandling.cases.Material;
import dev.onewindow.casehandling.cases.SupplementRequest;
import org.springframework.data.domain.Page;

/**
 * The response bodies of the case API. ID numbers and mobile numbers appear only masked
 * ({@code 110105********1234}); the stored ciphertexts never leave the service.
 */
final class CaseResponses {

    private CaseResponses() {
    }

    record CaseResponse(String id, String caseNo, String kind, String status, String implementationCode,
            Integer entryVersion, String itemName, String departmentCode, String region, String channel,
            ApplicantResponse applicant, Map<String, Object> formData, List<MaterialResponse> materials,
            ClockResponse clock, Instant submittedAt, Instant acceptanceDueAt, boolean acceptanceOverdue,
            Instant acceptedAt, SupplementRequest supplementRequest, Decision decision, String rejectionReason,
            String withdrawalReason, Instant completedAt, String licenseId, AutoApprovalOutcome autoApproval,
            String parentCaseId, String bundleCode, String bundleName, List<BundleChild> children) {

        static CaseResponse of(CaseView view) {
            Case c = view.value();
            return new CaseResponse(c.id(), c.caseNo(), c.kind().name(), c.status().name(),
                    c.entry() == null ? null : c.entry().implementationCode(),
                    c.entry() == null ? null : c.entry().version(),
                    c.entry() == null ? c.bundleName() : c.entry().name(), c.departmentCode(), c.regionCode(),
                    c.channel().name(), ApplicantResponse.of(c.applicant()), c.formData(),
                    c.materials().stream().map(MaterialResponse::of).toList(), ClockResponse.of(view.clock()),
                    c.submittedAt(), c.acceptanceDueAt(), view.acceptanceOverdue(), c.acceptedAt(),
                    c.supplementRequest(), c.decision(), c.rejectionReason(), c.withdrawalReason(), c.completedAt(),
                    c.licenseId(), c.autoApproval(), c.parentCaseId(), c.bundleCode(), c.bundleName(),
                    c.children());
        }
    }

    /** One line of a list: enough to pick a case, with its clock. */
    record CaseSummaryResponse(String id, String caseNo, String kind, String status, String implementationCode,
            String itemName, String departmentCode, String channel, String applicantName, Instant submittedAt,
            boolean acceptanceOverdue, ClockResponse clock) {

        static CaseSummaryResponse of(CaseView view) {
            Case c = view.value();
            return new CaseSummaryResponse(c.id(), c.caseNo(), c.kind().name(), c.status().name(),
                    c.entry() == null ? null : c.entry().implementationCode(),
                    c.entry() == null ? c.bundleName() : c.entry().name(), c.departmentCode(), c.channel().name(),
                    c.applicant().name(), c.submittedAt(), view.acceptanceOverdue(), ClockResponse.of(view.clock()));
        }
    }

    record ApplicantResponse(String type, String name, String idNumber, String uscc, String agentName,
            String agentIdNumber, String mobile) {

        static ApplicantResponse of(Applicant a) {
            return new ApplicantResponse(a.type().name(), a.name(), a.idNumberMasked(), a.uscc(), a.agentName(),
                    a.agentIdNumberMasked(), a.mobileMasked());
        }
    }

    record MaterialResponse(String code, String kind, String fileId, String fileName, String contentType, Long size,
            String licenseId, String licenseType, String licenseStatus, Boolean signatureValid, Instant addedAt) {

        static MaterialResponse of(Material m) {
            return new MaterialResponse(m.code(), m.kind().name(), m.fileId(), m.fileName(), m.contentType(),
                    m.size(), m.licenseId(), m.licenseType(), m.licenseStatus(), m.signatureValid(), m.addedAt());
        }
    }

    /** {@code remaining} is ISO-8601 working time (negative when overdue); also in working days for display. */
    record ClockResponse(String level, Instant dueAt, String remaining, double remainingWorkingDays, boolean paused,
            String pauseReason, Instant startedAt, int limitWorkingDays, int extensionWorkingDays, boolean stopped,
            Boolean onTime) {

        static ClockResponse of(ClockSnapshot clock) {
            if (clock == null) {
                return null;
            }
            return new ClockResponse(clock.level().name(), clock.dueAt(), clock.remaining().toString(),
                    clock.remainingWorkingDays(), clock.paused(), clock.pauseReason(), clock.startedAt(),
                    clock.limitWorkingDays(), clock.extensionWorkingDays(), clock.stopped(), clock.onTime());
        }
    }

    record HistoryResponse(String caseId, String caseNo, List<HistoryEntry> history) {
    }

    record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

        static <T> PageResponse<T> of(Page<T> page) {
            return new PageResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                    page.getTotalPages());
        }
    }
}
