package dev.onewindow.elicense.license;

/** {@code license.revoked}: final. {@code supersededBy} names the new version when a change caused it. */
public record LicenseRevoked(String licenseId, String typeCode, String issuerDepartment, String region,
        String supersededBy) {
}
