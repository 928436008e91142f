package dev.onewindow.elicense.license.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import dev.onewindow.elicense.license.License;
import dev.onewindow.elicense.license.LicenseStatus;

/**
 * A licence as its holder ({@code fields} present) or the issuing department's staff ({@code fields} null: the face
 * is shown to others only with the holder's authorization) see it. {@code qrToken} is the compact signed token for
 * the licence's QR code; {@code statusListIndex} its bit in the issuer's status lists.
 */
record LicenseResponse(String licenseId, String typeCode, String typeName, String issuerDepartment, String region,
        int version, String previousLicenseId, String supersededBy, String status, LocalDate validFrom,
        LocalDate validUntil, Instant issuedAt, String caseId, long statusListIndex, String alg, String kid,
        String qrToken, Map<String, Object> fields) {

    static LicenseResponse of(License l, String typeName, LicenseStatus status, Map<String, Object> fields) {
        return new LicenseResponse(l.id(), l.typeCode(), typeName, l.issuerDepartment(), l.issuingRegion(),
                l.licenseVersion(), l.previousLicenseId(), l.supersededBy(), status.name(), l.validFrom(),
                l.validUntil(), l.issuedAt(), l.caseId(), l.statusListIndex(), l.seal().algorithm(), l.seal().kid(),
                l.seal().qrToken(), fields);
    }
}
