package dev.onewindow.casehandling.cases;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * {@code case.approved} (准予), with what e-license needs to issue the result license (docs/service-contracts.md):
 * {@code resultLicenseType} (null for a document result), {@code holderDisplayName} (masked), {@code licenseFields}
 * (the license face, copied from the form).
 */
public record CaseApproved(@JsonUnwrapped CaseFacts facts, String resultKind, String resultLicenseType,
        String holderDisplayName, Map<String, Object> licenseFields, boolean automatic, String ruleSetVersion) {
}
