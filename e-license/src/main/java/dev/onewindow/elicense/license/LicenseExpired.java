package dev.onewindow.elicense.license;

import java.time.LocalDate;

/**
 * {@code license.expired}: the licence's validity ended ({@code validUntil}, its last valid day, Asia/Shanghai, is
 * over). Announced once per licence by the expiry sweep, never for a revoked licence. No personal fields.
 */
public record LicenseExpired(String licenseId, String typeCode, String issuerDepartment, String region,
        LocalDate validUntil) {
}
