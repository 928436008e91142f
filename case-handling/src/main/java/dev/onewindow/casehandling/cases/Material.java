package dev.onewindow.casehandling.cases;

import java.time.Instant;

/**
 * One material of a case: an uploaded copy ({@code FILE}) or an e-license redeemed through the holder's
 * authorization ({@code LICENSE}, 免证办). For a license only what the case needs is kept: id, type, the status and
 * signature validity e-license reported at redemption — never its personal fields.
 */
public record Material(String code, Kind kind, String fileId, String fileName, String contentType, Long size,
        String licenseId, String licenseType, String licenseStatus, Boolean signatureValid, String licenseValidUntil,
        Instant addedAt) {

    public enum Kind { FILE, LICENSE }

    public static Material file(String code, String fileId, String fileName, String contentType, long size,
            Instant at) {
        return new Material(code, Kind.FILE, fileId, fileName, contentType, size, null, null, null, null, null, at);
    }

    public static Material license(String code, String licenseId, String licenseType, String status,
            boolean signatureValid, String validUntil, Instant at) {
        return new Material(code, Kind.LICENSE, null, null, null, null, licenseId, licenseType, status,
                signatureValid, validUntil, at);
    }

    /** The same material under another code (a bundle's merged material given to a member case). */
    public Material withCode(String memberCode) {
        return new Material(memberCode, kind, fileId, fileName, contentType, size, licenseId, licenseType,
                licenseStatus, signatureValid, licenseValidUntil, addedAt);
    }

    /** A license that was valid and correctly signed when e-license was asked. */
    public boolean validLicenseOf(String type) {
        return kind == Kind.LICENSE && type != null && type.equals(licenseType) && "VALID".equals(licenseStatus)
                && Boolean.TRUE.equals(signatureValid);
    }
}
