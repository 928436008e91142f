package dev.onewindow.elicense.license;

/** {@code license.suspended}: temporarily not valid until reinstated. */
public record LicenseSuspended(String licenseId, String typeCode, String issuerDepartment, String region) {
}
