package dev.onewindow.casehandling.cases;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * {@code case.approved} (准予), with what e-license needs to issue the result license (docs/service-contracts.md):
 * {@code resultLicenseType} (null for a document result), {@code holderDisplayName} (masked), {@code licenseFields}
 * (the licence face's fields that are not personal, copied from the form) and {@code personalLicenseFields} (the
 * names of the personal face fields: their values never travel on a topic; e-license reads them from
 * {@code GET /api/v1/cases/{id}/license-face}).
 */
public record CaseApproved(@JsonUnwrapped CaseFacts facts, String resultKind, String resultLicenseType,
        String holderDisplayName, Map<String, Object> licenseFields, List<String> personalLicenseFields,
        boolean automatic, String ruleSetVersion) {
}
