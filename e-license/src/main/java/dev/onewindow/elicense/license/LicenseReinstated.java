package dev.onewindow.elicense.license;

/** {@code license.reinstated}: a suspended licence is valid again. */
public record LicenseReinstated(String licenseId, String typeCode, String issuerDepartment, String region) {
}
