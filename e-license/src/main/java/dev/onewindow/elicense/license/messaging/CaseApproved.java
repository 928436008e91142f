package dev.onewindow.elicense.license.messaging;

import java.util.Map;

/**
 * The fields e-license reads from case-handling's {@code case.approved} (docs/service-contracts.md). Others are
 * ignored. {@code resultLicenseType} is null when the case's result is a document; {@code licenseFields} are the
 * form fields named by that licence type's schema.
 */
record CaseApproved(String caseId, String caseNo, String implementationCode, String departmentCode, String region,
        String resultLicenseType, String holderRef, Map<String, Object> licenseFields) {
}
