package dev.onewindow.elicense.license;

import java.time.LocalDate;

/**
 * {@code license.issued}: a licence was issued (no personal fields). {@code caseId} is set when a case approval
 * caused it, {@code previousLicenseId} when it replaces a revoked version; {@code validUntil} is the last valid day
 * (Asia/Shanghai), {@code null} for a permanent licence.
 */
public record LicenseIssued(String licenseId, String typeCode, int version, String caseId, String previousLicenseId,
        String issuerDepartment, String region, LocalDate validFrom, LocalDate validUntil) {
}
