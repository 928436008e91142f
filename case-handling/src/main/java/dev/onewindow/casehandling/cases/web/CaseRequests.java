package dev.onewindow.casehandling.cases.web;

import java.util.List;
import java.util.Map;

import dev.onewindow.casehandling.cases.ApplicantType;
import dev.onewindow.casehandling.cases.Application;
import dev.onewindow.casehandling.cases.Channel;
import dev.onewindow.casehandling.cases.SupplementRequest;
import dev.onewindow.platform.text.MultiLineText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import static dev.onewindow.casehandling.cases.web.CaseApiLimits.AGENT_NAME;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.APPLICANT_NAME;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.AUTHORIZATION;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.CODE;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.CODE_PATTERN;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.FILE_ID;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.ID_NUMBER;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.MATERIALS;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.MATERIAL_CODE;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.MAX_VERSION;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.MOBILE;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.PROCEDURE;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.SUBMISSION_MATERIALS;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.SUPPLEMENT_ITEM;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.SUPPLEMENT_ITEMS;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.TEXT;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.USCC;
import static dev.onewindow.casehandling.cases.web.CaseApiLimits.WORKING_DAYS;

/**
 * The request bodies of the case API (shape checks here; rules in the service and the aggregate). Every string follows
 * the platform's text policy (no control or bidirectional characters, valid Unicode); only the free texts marked
 * {@link MultiLineText} — reasons, comments, descriptions, the remedy notice — take line breaks and tabs.
 */
final class CaseRequests {

    private CaseRequests() {
    }

    @Schema(description = "An application for one catalog entry version.")
    record SubmitCaseRequest(
            @Schema(description = "The entry's implementation code (实施编码)") @NotBlank @Size(max = CODE)
            @Pattern(regexp = CODE_PATTERN) String implementationCode,
            @Schema(description = "The entry version to apply under; the current published one when absent")
            @Min(1) @Max(MAX_VERSION) Integer version,
            @NotNull Channel channel,
            @NotNull @Valid ApplicantRequest applicant,
            @Schema(description = "The entry's form fields (at most 64 KiB as JSON, 5 levels deep)")
            Map<String, Object> formData,
            @Size(max = SUBMISSION_MATERIALS) List<@NotNull @Valid MaterialRequest> materials) {

        Application toApplication() {
            return new Application(implementationCode, version, null, channel, applicant.toDetails(), formData,
                    MaterialRequest.toReferences(materials));
        }
    }

    @Schema(description = "An application for a 一件事 bundle: materials by the bundle's merged codes.")
    record SubmitBundleRequest(@NotBlank @Size(max = CODE) @Pattern(regexp = CODE_PATTERN) String bundleCode,
            @NotNull Channel channel,
            @NotNull @Valid ApplicantRequest applicant,
            @Schema(description = "The members' form fields (at most 64 KiB as JSON, 5 levels deep)")
            Map<String, Object> formData,
            @Size(max = MATERIALS) List<@NotNull @Valid MaterialRequest> materials) {

        Application toApplication() {
            return new Application(null, null, bundleCode, channel, applicant.toDetails(), formData,
                    MaterialRequest.toReferences(materials));
        }
    }

    /**
     * Citizens and enterprise agents send only names (their identity comes from the token); staff and partners
     * submitting for someone send the ID number, or the USCC and the agent's ID number.
     */
    @Schema(description = "The applicant. Citizens and enterprise agents send only names: their ID number and "
            + "enterprise code come from the token. Staff and partners send the full identity.")
    record ApplicantRequest(ApplicantType type,
            @NotBlank @Size(max = APPLICANT_NAME) String name,
            @Schema(description = "Resident ID number (18 characters, checked)") @Size(max = ID_NUMBER)
            String idNumber,
            @Schema(description = "Unified social credit code (18 characters, checked)") @Size(max = USCC)
            String uscc,
            @Size(max = AGENT_NAME) String agentName,
            @Size(max = ID_NUMBER) String agentIdNumber,
            @Schema(description = "Mainland mobile number") @Size(max = MOBILE) String mobile) {

        Application.ApplicantDetails toDetails() {
            return new Application.ApplicantDetails(type, name, idNumber, uscc, agentName, agentIdNumber, mobile);
        }
    }

    /** One material: {@code fileId} of an upload, or {@code licenseAuthorization} (免证办) — exactly one. */
    @Schema(description = "One material: the fileId of an upload, or an e-license authorization code (免证办); "
            + "exactly one of the two.")
    record MaterialRequest(@NotBlank @Size(max = MATERIAL_CODE) @Pattern(regexp = CODE_PATTERN) String code,
            @Size(max = FILE_ID) @Pattern(regexp = CODE_PATTERN) String fileId,
            @Size(max = AUTHORIZATION) @Pattern(regexp = CODE_PATTERN) String licenseAuthorization) {

        static List<Application.MaterialReference> toReferences(List<MaterialRequest> materials) {
            return materials == null ? List.of() : materials.stream()
                    .map(m -> new Application.MaterialReference(m.code(), m.fileId(), m.licenseAuthorization()))
                    .toList();
        }
    }

    record CommentRequest(@MultiLineText @Size(max = TEXT) String comment) {
    }

    record RejectCaseRequest(@MultiLineText @NotBlank @Size(max = TEXT) String reason) {
    }

    @Schema(description = "Every missing item at once (一次性告知).")
    record RequestSupplementRequest(
            @NotEmpty @Size(max = SUPPLEMENT_ITEMS) List<@NotNull @Valid SupplementItemRequest> items,
            @MultiLineText @Size(max = TEXT) String comment) {

        List<SupplementRequest.Item> toItems() {
            return items.stream().map(i -> new SupplementRequest.Item(i.materialCode(), i.description())).toList();
        }
    }

    record SupplementItemRequest(
            @Schema(description = "The material to (re)submit; absent for other corrections")
            @Size(max = MATERIAL_CODE) @Pattern(regexp = CODE_PATTERN) String materialCode,
            @MultiLineText @NotBlank @Size(max = SUPPLEMENT_ITEM) String description) {
    }

    record SupplementCaseRequest(@Size(max = SUBMISSION_MATERIALS) List<@NotNull @Valid MaterialRequest> materials,
            @Schema(description = "Form fields to change (checked as a submission's form: at most 64 KiB as JSON "
                    + "once merged, 5 levels deep)") Map<String, Object> formData,
            @MultiLineText @Size(max = TEXT) String comment) {
    }

    record SuspendCaseRequest(@Schema(description = "The special procedure (特别程序): hearing, testing, expert "
            + "review …") @NotBlank @Size(max = PROCEDURE) String procedure,
            @MultiLineText @NotBlank @Size(max = TEXT) String reason) {
    }

    record ExtendCaseRequest(
            @Schema(description = "Working days to add: at most the configured maximum (10), else "
                    + "EXTENSION_TOO_LONG") @NotNull @Min(1) @Max(WORKING_DAYS) Integer workingDays,
            @MultiLineText @NotBlank @Size(max = TEXT) String reason) {
    }

    record DenyCaseRequest(@MultiLineText @NotBlank @Size(max = TEXT) String reason,
            @Schema(description = "The remedy notice (救济途径): administrative review or litigation")
            @MultiLineText @NotBlank @Size(max = TEXT) String remedy) {
    }

    record WithdrawCaseRequest(@MultiLineText @Size(max = TEXT) String reason) {
    }
}
