package dev.onewindow.elicense.license.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import dev.onewindow.elicense.Limits;
import dev.onewindow.elicense.license.License;
import dev.onewindow.elicense.license.LicenseStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import static dev.onewindow.elicense.Limits.DEPARTMENT_CODE;
import static dev.onewindow.elicense.Limits.DEPARTMENT_CODE_LENGTH;
import static dev.onewindow.elicense.Limits.LICENSE_ID;
import static dev.onewindow.elicense.Limits.LICENSE_ID_LENGTH;

/**
 * A licence as its holder ({@code fields} present) or the issuing department's staff ({@code fields} null: the face
 * is shown to others only with the holder's authorization) see it. {@code qrToken} is a compact signed token for
 * the licence's QR code, made for this answer (it expires); {@code statusListIndex} its bit in the issuer's status
 * lists.
 */
@Schema(description = "A licence: the face (`fields`) only for its holder")
record LicenseResponse(
        @Schema(description = "Type code + issuing region + 8-digit serial", maxLength = LICENSE_ID_LENGTH,
                pattern = LICENSE_ID) String licenseId,
        @Schema(maxLength = Limits.TYPE_CODE_LENGTH, pattern = Limits.TYPE_CODE) String typeCode,
        @Schema(description = "The type's name; null when the type left the catalogue",
                maxLength = Limits.TYPE_NAME_LENGTH) String typeName,
        @Schema(maxLength = DEPARTMENT_CODE_LENGTH, pattern = DEPARTMENT_CODE) String issuerDepartment,
        @Schema(description = "Issuing region", maxLength = Limits.REGION_LENGTH, pattern = Limits.REGION)
        String region,
        @Schema(description = "1, and + 1 for each reissue", minimum = "1", maximum = "2147483647") int version,
        @Schema(description = "The version this one replaced, if any", maxLength = LICENSE_ID_LENGTH,
                pattern = LICENSE_ID) String previousLicenseId,
        @Schema(description = "The version that replaced this one, if any", maxLength = LICENSE_ID_LENGTH,
                pattern = LICENSE_ID) String supersededBy,
        @Schema(description = "`EXPIRED` is derived from the validity (Asia/Shanghai date) on every read")
        LicenseStatus status,
        @Schema(description = "First valid day", maxLength = Limits.DATE_LENGTH) LocalDate validFrom,
        @Schema(description = "Last valid day; null when permanent", maxLength = Limits.DATE_LENGTH)
        LocalDate validUntil,
        @Schema(maxLength = Limits.INSTANT_LENGTH) Instant issuedAt,
        @Schema(description = "The case whose approval issued it, if any", maxLength = Limits.CASE_REF_LENGTH)
        String caseId,
        @Schema(description = "The licence's bit in its issuer's status lists", minimum = "0",
                maximum = "" + (Limits.STATUS_LIST_BITS - 1)) long statusListIndex,
        @Schema(description = "Seal algorithm", allowableValues = {"ES256", "SM2"}) String alg,
        @Schema(description = "The seal key (see the published keys)", maxLength = Limits.KID_LENGTH,
                pattern = Limits.KID) String kid,
        @Schema(description = "The QR code's compact signed token (JWS layout), made for this answer: it expires "
                + "(`exp`) at the end of the last valid day or after `onewindow.elicense.qr-token-ttl`, whichever is "
                + "earlier. Null in the list of the holder's licences (open one to show its code)",
                maxLength = Limits.QR_TOKEN_LENGTH,
                pattern = "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$") String qrToken,
        @Schema(description = "The face, typed per the licence type; only for the holder (else null)",
                maxProperties = Limits.FACE_FIELDS) Map<String, Object> fields) {

    static LicenseResponse of(License l, String typeName, LicenseStatus status, Map<String, Object> fields,
            String qrToken) {
        return new LicenseResponse(l.id(), l.typeCode(), typeName, l.issuerDepartment(), l.issuingRegion(),
                l.licenseVersion(), l.previousLicenseId(), l.supersededBy(), status, l.validFrom(),
                l.validUntil(), l.issuedAt(), l.caseId(), l.statusListIndex(), l.seal().algorithm(), l.seal().kid(),
                qrToken, fields);
    }
}
