package dev.onewindow.elicense.license.messaging;

import java.util.List;
import java.util.Map;

/**
 * The fields e-license reads from case-handling's {@code case.approved} (docs/service-contracts.md). Others are
 * ignored. {@code resultLicenseType} is null when the case's result is a document; {@code licenseFields} are the
 * non-personal face fields of the case; {@code personalLicenseFields} names the personal face fields the licence
 * needs, which are not on the event but fetched from case-handling (absent or empty: none).
 */
record CaseApproved(String caseId, String caseNo, String implementationCode, String departmentCode, String region,
        String resultLicenseType, String holderRef, Map<String, Object> licenseFields,
        List<String> personalLicenseFields) {
}
