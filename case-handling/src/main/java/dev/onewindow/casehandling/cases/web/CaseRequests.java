package dev.onewindow.casehandling.cases.web;

import java.util.List;
import java.util.Map;

import dev.onewindow.casehandling.cases.ApplicantType;
import dev.onewindow.casehandling.cases.Application;
import dev.onewindow.casehandling.cases.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The request bodies of the case API (shape checks here; rules in the service and the aggregate). */
final class CaseRequests {

    private CaseRequests() {
    }

    record SubmitCaseRequest(@NotBlank @Size(max = 64) String implementationCode, @Positive Integer version,
            @NotNull Channel channel, @NotNull @Valid ApplicantRequest applicant, Map<String, Object> formData,
            @Size(max = 50) List<@NotNull @Valid MaterialRequest> materials) {

        Application toApplication() {
            return new Application(implementationCode, version, null, channel, applicant.toDetails(), formData,
                    MaterialRequest.toReferences(materials));
        }
    }

    record SubmitBundleRequest(@NotBlank @Size(max = 64) String bundleCode, @NotNull Channel channel,
            @NotNull @Valid ApplicantRequest applicant, Map<String, Object> formData,
            @Size(max = 100) List<@NotNull @Valid MaterialRequest> materials) {

        Application toApplication() {
            return new Application(null, null, bundleCode, channel, applicant.toDetails(), formData,
                    MaterialRequest.toReferences(materials));
        }
    }

    /**
     * Citizens and enterprise agents send only names (their identity comes from the token); staff and partners
     * submitting for someone send the ID number, or the USCC and the agent's ID number.
     */
    record ApplicantRequest(ApplicantType type, @NotBlank @Size(max = 100) String name,
            @Size(max = 18) String idNumber, @Size(max = 18) String uscc, @Size(max = 50) String agentName,
            @Size(max = 18) String agentIdNumber, @Size(max = 11) String mobile) {

        Application.ApplicantDetails toDetails() {
            return new Application.ApplicantDetails(type, name, idNumber, uscc, agentName, agentIdNumber, mobile);
        }
    }

    /** One material: {@code fileId} of an upload, or {@code licenseAuthorization} (免证办) — exactly one. */
    record MaterialRequest(@NotBlank @Size(max = 32) String code, @Size(max = 64) String fileId,
            @Size(max = 512) String licenseAuthorization) {

        static List<Application.MaterialReference> toReferences(List<MaterialRequest> materials) {
            return materials == null ? List.of() : materials.stream()
                    .map(m -> new Application.MaterialReference(m.code(), m.fileId(), m.licenseAuthorization()))
                    .toList();
        }
    }

    record CommentRequest(@Size(max = 1000) String comment) {
    }

    record RejectCaseRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    record RequestSupplementRequest(@NotEmpty @Size(max = 50) List<@NotNull @Valid SupplementItemRequest> items,
            @Size(max = 1000) String comment) {
    }

    record SupplementItemRequest(@Size(max = 32) String materialCode, @NotBlank @Size(max = 500) String description) {
    }

    record SupplementCaseRequest(@Size(max = 50) List<@NotNull @Valid MaterialRequest> materials,
            Map<String, Object> formData, @Size(max = 1000) String comment) {
    }

    record SuspendCaseRequest(@NotBlank @Size(max = 100) String procedure, @NotBlank @Size(max = 1000) String reason) {
    }

    record ExtendCaseRequest(@NotNull @Min(1) Integer workingDays, @NotBlank @Size(max = 1000) String reason) {
    }

    record DenyCaseRequest(@NotBlank @Size(max = 1000) String reason, @NotBlank @Size(max = 1000) String remedy) {
    }

    record WithdrawCaseRequest(@Size(max = 1000) String reason) {
    }
}
