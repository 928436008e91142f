package dev.onewindow.casehandling.cases.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.onewindow.casehandling.cases.Applicant;
import dev.onewindow.casehandling.cases.ApplicantType;
import dev.onewindow.casehandling.cases.AutoApprovalOutcome;
import dev.onewindow.casehandling.cases.BundleChild;
import dev.onewindow.casehandling.cases.Case;
import dev.onewindow.casehandling.cases.CaseKind;
import dev.onewindow.casehandling.cases.CaseService;
import dev.onewindow.casehandling.cases.CaseStatus;
import dev.onewindow.casehandling.cases.CaseView;
import dev.onewindow.casehandling.cases.Channel;
import dev.onewindow.casehandling.cases.ClockSnapshot;
import dev.onewindow.casehandling.cases.Decision;
import dev.onewindow.casehandling.cases.HistoryEntry;
import dev.onewindow.casehandling.cases.Material;
import dev.onewindow.casehandling.cases.SupplementRequest;
import dev.onewindow.platform.calendar.ClockLevel;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.domain.Page;

import static dev.onewindow.casehandling.cases.web.CaseApiLimits.AGENT_NAME;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.APPLICANT_NAME;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.BUNDLE_MEMBERS;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.CASE_NO;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.CASE_NO_PATTERN;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.CODE;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.CODE_PATTERN;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.CONTENT_TYPE;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.CONTENT_TYPE_PATTERN;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.DEPARTMENT;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.DEPARTMENT_PATTERN;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.DURATION;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.DURATION_PATTERN;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.EXTENSION_WORKING_DAYS;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.FILE_BYTES;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.FILE_ID;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.FILE_NAME;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.FORM_FIELD;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.HISTORY;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.HISTORY_COMMENT;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.ID;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.ID_NUMBER;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.ID_PATTERN;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.INSTANT;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.ITEM_NAME;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.LICENSE_ID;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.LICENSE_ID_PATTERN;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.LICENSE_STATUS;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.LICENSE_TYPE;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.LICENSE_TYPE_PATTERN;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.MASKED_ID_NUMBER_PATTERN;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.MASKED_MOBILE_PATTERN;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.MATERIALS;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.MATERIAL_CODE;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.MAX_PAGE;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.MAX_VERSION;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.MOBILE;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.NAME_TOKEN;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.PAGE_SIZE;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.PAUSE_REASON;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.REGION;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.REGION_PATTERN;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.ROLE_PATTERN;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.RULES;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.RULE_FAILURE;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.RULE_SET_VERSION;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.RULE_SET_VERSION_PATTERN;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.RULE_SUBJECT_PATTERN;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.SUPPLEMENT_ITEM;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.SUPPLEMENT_ITEMS;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.TEXT;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.UPPER_NAME_PATTERN;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.USCC;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.USCC_PATTERN;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.USER;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.WORKING_DAYS;

/**
 * The response bodies of the case API: records of their own, mapped from the domain, so the domain can change
 * without changing the API. ID numbers and mobile numbers appear only masked ({@code 110105********1234}); the
 * stored ciphertexts never leave the service.
 */
final class CaseResponses {

    private CaseResponses() {
    }

    @Schema(description = "A case (办件) as read now: its state, clock and everything the applicant and staff see.")
    record CaseResponse(
            @Schema(maxLength = ID, pattern = ID_PATTERN) String id,
            @Schema(maxLength = CASE_NO, pattern = CASE_NO_PATTERN) String caseNo,
            CaseKind kind,
            CaseStatus status,
            @Schema(description = "null for a bundle parent", maxLength = CODE, pattern = CODE_PATTERN)
            String implementationCode,
            @Schema(description = "null for a bundle parent", minimum = "1",
                    maximum = "" + MAX_VERSION) Integer entryVersion,
            @Schema(description = "The entry's name (a bundle parent: the bundle's)", maxLength = ITEM_NAME)
            String itemName,
            @Schema(maxLength = DEPARTMENT, pattern = DEPARTMENT_PATTERN) String departmentCode,
            @Schema(maxLength = REGION, pattern = REGION_PATTERN) String region,
            Channel channel,
            ApplicantResponse applicant,
            @Schema(description = "The form as submitted and supplemented. Personal fields (the entry's form says so, "
                    + "the licence face marks them, or they hold an ID or mobile number) are shown in full only to the "
                    + "handling department's window officers, reviewers and approvers; to everyone else masked "
                    + "(110105********1234, 138****5678, 张*, ***)") Map<String, Object> formData,
            @ArraySchema(maxItems = MATERIALS) List<MaterialResponse> materials,
            @Schema(description = "null before acceptance (and for a bundle parent)") ClockResponse clock,
            @Schema(maxLength = INSTANT) Instant submittedAt,
            @Schema(description = "The end of the acceptance window", maxLength = INSTANT) Instant acceptanceDueAt,
            @Schema(description = "Not accepted or sent back within the acceptance window (逾期未告知)")
            boolean acceptanceOverdue,
            @Schema(maxLength = INSTANT) Instant acceptedAt,
            @Schema(description = "Accepted after the acceptance window: the case counts as accepted from the day its "
                    + "materials arrived (逾期未告知, 行政许可法 §32), and its clock started then", maxLength = INSTANT)
            Instant deemedAcceptedAt,
            @Schema(description = "The outstanding 补正 request, if any") SupplementRequestResponse supplementRequest,
            DecisionResponse decision,
            @Schema(maxLength = TEXT) String rejectionReason,
            @Schema(maxLength = TEXT) String withdrawalReason,
            @Schema(maxLength = INSTANT) Instant completedAt,
            @Schema(description = "The e-license issued as the result", maxLength = LICENSE_ID,
                    pattern = LICENSE_ID_PATTERN) String licenseId,
            @Schema(description = "The 秒批 rule set's verdict, when the entry has one")
            AutoApprovalResponse autoApproval,
            @Schema(maxLength = ID, pattern = ID_PATTERN) String parentCaseId,
            @Schema(maxLength = CODE, pattern = CODE_PATTERN) String bundleCode,
            @Schema(maxLength = ITEM_NAME) String bundleName,
            @ArraySchema(maxItems = BUNDLE_MEMBERS, arraySchema = @Schema(description = "A bundle parent's members"))
            List<BundleChildResponse> children) {

        static CaseResponse of(CaseView view) {
            Case c = view.value();
            return new CaseResponse(c.id(), c.caseNo(), c.kind(), c.status(),
                    c.entry() == null ? null : c.entry().implementationCode(),
                    c.entry() == null ? null : c.entry().version(),
                    c.entry() == null ? c.bundleName() : c.entry().name(), c.departmentCode(), c.regionCode(),
                    c.channel(), ApplicantResponse.of(c.applicant()), view.form(),
                    c.materials().stream().map(MaterialResponse::of).toList(), ClockResponse.of(view.clock()),
                    c.submittedAt(), c.acceptanceDueAt(), view.acceptanceOverdue(), c.acceptedAt(),
                    c.deemedAcceptedAt(), SupplementRequestResponse.of(c.supplementRequest()), DecisionResponse.of(c.decision()),
                    c.rejectionReason(), c.withdrawalReason(), c.completedAt(), c.licenseId(),
                    AutoApprovalResponse.of(c.autoApproval()), c.parentCaseId(), c.bundleCode(), c.bundleName(),
                    c.children().stream().map(BundleChildResponse::of).toList());
        }
    }

    @Schema(description = "One line of a list: enough to pick a case, with its clock.")
    record CaseSummaryResponse(
            @Schema(maxLength = ID, pattern = ID_PATTERN) String id,
            @Schema(maxLength = CASE_NO, pattern = CASE_NO_PATTERN) String caseNo,
            CaseKind kind,
            CaseStatus status,
            @Schema(maxLength = CODE, pattern = CODE_PATTERN) String implementationCode,
            @Schema(maxLength = ITEM_NAME) String itemName,
            @Schema(maxLength = DEPARTMENT, pattern = DEPARTMENT_PATTERN) String departmentCode,
            Channel channel,
            @Schema(maxLength = APPLICANT_NAME) String applicantName,
            @Schema(maxLength = INSTANT) Instant submittedAt,
            boolean acceptanceOverdue,
            ClockResponse clock) {

        static CaseSummaryResponse of(CaseView view) {
            Case c = view.value();
            return new CaseSummaryResponse(c.id(), c.caseNo(), c.kind(), c.status(),
                    c.entry() == null ? null : c.entry().implementationCode(),
                    c.entry() == null ? c.bundleName() : c.entry().name(), c.departmentCode(), c.channel(),
                    c.applicant().name(), c.submittedAt(), view.acceptanceOverdue(), ClockResponse.of(view.clock()));
        }
    }

    @Schema(description = "The applicant; ID numbers and the mobile number masked.")
    record ApplicantResponse(
            ApplicantType type,
            @Schema(maxLength = APPLICANT_NAME) String name,
            @Schema(description = "Masked: 110105********1234", maxLength = ID_NUMBER,
                    pattern = MASKED_ID_NUMBER_PATTERN) String idNumber,
            @Schema(maxLength = USCC, pattern = USCC_PATTERN) String uscc,
            @Schema(maxLength = AGENT_NAME) String agentName,
            @Schema(description = "Masked", maxLength = ID_NUMBER, pattern = MASKED_ID_NUMBER_PATTERN)
            String agentIdNumber,
            @Schema(description = "Masked: 138****5678", maxLength = MOBILE, pattern = MASKED_MOBILE_PATTERN)
            String mobile) {

        static ApplicantResponse of(Applicant a) {
            return new ApplicantResponse(a.type(), a.name(), a.idNumberMasked(), a.uscc(), a.agentName(),
                    a.agentIdNumberMasked(), a.mobileMasked());
        }
    }

    @Schema(description = "A material: an uploaded copy (FILE) or a redeemed e-license (LICENSE, 免证办).")
    record MaterialResponse(
            @Schema(maxLength = MATERIAL_CODE, pattern = CODE_PATTERN) String code,
            Material.Kind kind,
            @Schema(maxLength = FILE_ID, pattern = CODE_PATTERN) String fileId,
            @Schema(maxLength = FILE_NAME) String fileName,
            @Schema(maxLength = CONTENT_TYPE, pattern = CONTENT_TYPE_PATTERN) String contentType,
            @Schema(minimum = "0", maximum = "" + FILE_BYTES) Long size,
            @Schema(maxLength = LICENSE_ID, pattern = LICENSE_ID_PATTERN) String licenseId,
            @Schema(maxLength = LICENSE_TYPE, pattern = LICENSE_TYPE_PATTERN) String licenseType,
            @Schema(description = "As e-license reported it at redemption: VALID, SUSPENDED, REVOKED or EXPIRED",
                    maxLength = LICENSE_STATUS, pattern = UPPER_NAME_PATTERN) String licenseStatus,
            Boolean signatureValid,
            @Schema(maxLength = INSTANT) Instant addedAt) {

        static MaterialResponse of(Material m) {
            return new MaterialResponse(m.code(), m.kind(), m.fileId(), m.fileName(), m.contentType(), m.size(),
                    m.licenseId(), m.licenseType(), m.licenseStatus(), m.signatureValid(), m.addedAt());
        }
    }

    /** {@code remaining} is ISO-8601 working time (negative when overdue); also in working days for display. */
    @Schema(description = "The deadline clock (红黄绿灯) as read now; once the case has ended, how it ended "
            + "(finished) instead of a level.")
    record ClockResponse(
            @Schema(description = "GREEN, YELLOW or RED while the clock runs (a paused one keeps its level); null "
                    + "once it has stopped") ClockLevel level,
            @Schema(maxLength = INSTANT) Instant dueAt,
            @Schema(description = "Working time left, ISO-8601; negative when overdue", maxLength = DURATION,
                    pattern = DURATION_PATTERN) String remaining,
            @Schema(description = "The same in working days of 24 h, one decimal") double remainingWorkingDays,
            boolean paused,
            @Schema(maxLength = PAUSE_REASON) String pauseReason,
            @Schema(maxLength = INSTANT) Instant startedAt,
            @Schema(minimum = "0", maximum = "" + WORKING_DAYS) int limitWorkingDays,
            @Schema(minimum = "0", maximum = "" + EXTENSION_WORKING_DAYS) int extensionWorkingDays,
            boolean stopped,
            @Schema(description = "Whether a stopped clock stopped in time; null while it runs") Boolean onTime,
            @Schema(description = "How a stopped clock ended (the case was completed, denied or withdrawn); null "
                    + "while it runs") ClockSnapshot.Finish finished,
            @Schema(description = "When it finished late: by how many working days, rounded up", minimum = "1",
                    maximum = "2147483647") Integer lateWorkingDays) {

        static ClockResponse of(ClockSnapshot clock) {
            if (clock == null) {
                return null;
            }
            return new ClockResponse(clock.level(), clock.dueAt(), clock.remaining().toString(),
                    clock.remainingWorkingDays(), clock.paused(), clock.pauseReason(), clock.startedAt(),
                    clock.limitWorkingDays(), clock.extensionWorkingDays(), clock.stopped(), clock.onTime(),
                    clock.finished(), clock.lateWorkingDays());
        }
    }

    @Schema(description = "An outstanding 补正 request: every missing item at once.")
    record SupplementRequestResponse(
            @Schema(description = "ACCEPTANCE: before acceptance (back to SUBMITTED); REVIEW: during review, clock "
                    + "paused (back to IN_REVIEW)") SupplementRequest.Phase phase,
            @ArraySchema(maxItems = SUPPLEMENT_ITEMS) List<SupplementItemResponse> items,
            @Schema(maxLength = TEXT) String comment,
            @Schema(maxLength = INSTANT) Instant requestedAt,
            @Schema(maxLength = USER) String requestedBy) {

        static SupplementRequestResponse of(SupplementRequest request) {
            return request == null ? null : new SupplementRequestResponse(request.phase(),
                    request.items().stream().map(i -> new SupplementItemResponse(i.materialCode(), i.description()))
                            .toList(), request.comment(), request.requestedAt(), request.requestedBy());
        }
    }

    record SupplementItemResponse(
            @Schema(description = "The material to (re)submit; null for other corrections",
                    maxLength = MATERIAL_CODE, pattern = CODE_PATTERN) String materialCode,
            @Schema(maxLength = SUPPLEMENT_ITEM) String description) {
    }

    @Schema(description = "The decision: approval (准予) or denial (不予许可, with the reason and the remedy notice).")
    record DecisionResponse(
            @Schema(allowableValues = {"APPROVED", "DENIED"}) CaseStatus outcome,
            @Schema(maxLength = TEXT) String reason,
            @Schema(maxLength = TEXT) String remedy,
            @Schema(maxLength = TEXT) String comment,
            @Schema(maxLength = INSTANT) Instant at,
            @Schema(maxLength = USER) String by,
            @Schema(description = "Decided by the 秒批 rule set, without a person") boolean automatic) {

        static DecisionResponse of(Decision decision) {
            return decision == null ? null : new DecisionResponse(decision.outcome(), decision.reason(),
                    decision.remedy(), decision.comment(), decision.at(), decision.by(), decision.automatic());
        }
    }

    @Schema(description = "The 秒批 rule set applied at submission; the case took the manual way if it failed.")
    record AutoApprovalResponse(
            @Schema(maxLength = RULE_SET_VERSION, pattern = RULE_SET_VERSION_PATTERN) String ruleSetVersion,
            boolean passed,
            @ArraySchema(maxItems = RULES) List<FailedRuleResponse> failedRules,
            @Schema(maxLength = INSTANT) Instant evaluatedAt) {

        static AutoApprovalResponse of(AutoApprovalOutcome outcome) {
            return outcome == null ? null : new AutoApprovalResponse(outcome.ruleSetVersion(), outcome.passed(),
                    outcome.failedRules().stream().map(f -> new FailedRuleResponse(f.type(), f.subject(),
                            f.reason())).toList(), outcome.evaluatedAt());
        }
    }

    record FailedRuleResponse(
            @Schema(maxLength = NAME_TOKEN, pattern = UPPER_NAME_PATTERN) String type,
            @Schema(description = "The licence type or form field the rule is about", maxLength = FORM_FIELD,
                    pattern = RULE_SUBJECT_PATTERN) String subject,
            @Schema(maxLength = RULE_FAILURE) String reason) {
    }

    @Schema(description = "A bundle parent's view of one member case.")
    record BundleChildResponse(
            @Schema(maxLength = ID, pattern = ID_PATTERN) String caseId,
            @Schema(maxLength = CASE_NO, pattern = CASE_NO_PATTERN) String caseNo,
            @Schema(maxLength = CODE, pattern = CODE_PATTERN) String implementationCode,
            @Schema(maxLength = DEPARTMENT, pattern = DEPARTMENT_PATTERN) String departmentCode,
            CaseStatus status,
            @Schema(description = "The member's last event applied to the parent", minimum = "0",
                    maximum = "" + HISTORY) long lastSequence) {

        static BundleChildResponse of(BundleChild child) {
            return new BundleChildResponse(child.caseId(), child.caseNo(), child.implementationCode(),
                    child.departmentCode(), child.status(), child.lastSequence());
        }
    }

    @Schema(description = "A case's history, oldest first.")
    record HistoryResponse(
            @Schema(maxLength = ID, pattern = ID_PATTERN) String caseId,
            @Schema(maxLength = CASE_NO, pattern = CASE_NO_PATTERN) String caseNo,
            @ArraySchema(maxItems = HISTORY) List<HistoryEntryResponse> history) {

        static HistoryResponse of(CaseView view) {
            Case c = view.value();
            return new HistoryResponse(c.id(), c.caseNo(), c.history().stream().map(HistoryEntryResponse::of)
                    .toList());
        }
    }

    @Schema(description = "One step of a case's history: who, when, from which state to which, and why.")
    record HistoryEntryResponse(
            @Schema(maxLength = INSTANT) Instant at,
            @Schema(maxLength = USER) String actorId,
            @Schema(maxLength = USER) String actorName,
            @Schema(description = "The role the actor acted in (or system, applicant)", maxLength = NAME_TOKEN,
                    pattern = ROLE_PATTERN) String actorRole,
            @Schema(description = "SUBMIT, ACCEPT, REQUEST_SUPPLEMENT …", maxLength = NAME_TOKEN,
                    pattern = UPPER_NAME_PATTERN) String action,
            CaseStatus from,
            CaseStatus to,
            @Schema(maxLength = HISTORY_COMMENT) String comment) {

        static HistoryEntryResponse of(HistoryEntry entry) {
            return new HistoryEntryResponse(entry.at(), entry.actorId(), entry.actorName(), entry.actorRole(),
                    entry.action(), entry.from(), entry.to(), entry.comment());
        }
    }

    @Schema(description = "A case's licence face for the service that issues the licence: every face field with its "
            + "value, personal ones in clear.")
    record LicenseFaceResponse(
            @Schema(maxLength = ID, pattern = ID_PATTERN) String caseId,
            @Schema(description = "The licence face's fields: name → value (string, number, boolean)")
            Map<String, Object> fields) {

        static LicenseFaceResponse of(CaseService.LicenseFace face) {
            return new LicenseFaceResponse(face.caseId(), face.fields());
        }
    }

    @Schema(description = "A case applicant's contact number for the service that has a bad rater called back.")
    record ApplicantContactResponse(
            @Schema(maxLength = ID, pattern = ID_PATTERN) String caseId,
            @Schema(maxLength = 11, pattern = "^1[3-9][0-9]{9}$", description = "in clear; null when none was given")
            String mobile) {

        static ApplicantContactResponse of(CaseService.ApplicantContact contact) {
            return new ApplicantContactResponse(contact.caseId(), contact.mobile());
        }
    }

    @Schema(description = "One page of a list, newest or most urgent first.")
    record PageResponse<T>(
            @ArraySchema(maxItems = PAGE_SIZE) List<T> content,
            @Schema(minimum = "0", maximum = "" + MAX_PAGE) int page,
            @Schema(minimum = "1", maximum = "" + PAGE_SIZE) int size,
            @Schema(minimum = "0", maximum = "9223372036854775807") long totalElements,
            @Schema(minimum = "0", maximum = "2147483647") int totalPages) {

        static <T> PageResponse<T> of(Page<T> page) {
            return new PageResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                    page.getTotalPages());
        }
    }

}
