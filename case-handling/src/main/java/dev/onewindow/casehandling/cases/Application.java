package dev.onewindow.casehandling.cases;

import java.util.List;
import java.util.Map;

/**
 * A submission as the service receives it (already shape-validated at the edge). For a 一件事 bundle
 * {@code bundleCode} is set and {@code implementationCode}/{@code version} are not.
 */
public record Application(String implementationCode, Integer version, String bundleCode, Channel channel,
        ApplicantDetails applicant, Map<String, Object> formData, List<MaterialReference> materials) {

    public Application {
        formData = formData == null ? Map.of() : formData;
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /**
     * The applicant as given in the body. Citizens and enterprise agents give only names: their ID number and USCC
     * come from the token. Staff at the counter and partner systems give the full identity.
     */
    public record ApplicantDetails(ApplicantType type, String name, String idNumber, String uscc, String agentName,
            String agentIdNumber, String mobile) {
    }

    /** A material: an uploaded file, or an e-license authorization code (免证办) — exactly one of the two. */
    public record MaterialReference(String code, String fileId, String licenseAuthorization) {
    }
}
