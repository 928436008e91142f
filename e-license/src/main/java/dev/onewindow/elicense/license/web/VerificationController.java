package dev.onewindow.elicense.license.web;

import java.time.LocalDate;

import dev.onewindow.elicense.Limits;
import dev.onewindow.elicense.license.LicenseStatus;
import dev.onewindow.elicense.license.Verification;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.onewindow.elicense.Limits.LICENSE_ID;
import static dev.onewindow.elicense.Limits.LICENSE_ID_LENGTH;

/**
 * Public verification (anonymous): signature validity and current status by licence id or by the QR token. The
 * face is never part of the answer: a department reads it only by redeeming the holder's authorization.
 */
@RestController
@RequestMapping("/api/v1/licenses/verify")
@Tag(name = "Verification", description = """
        Public verification for anyone: is this a licence its department sealed, unaltered, and what is its status \
        now. Never discloses the face. An offline verifier needs only the published seal keys.""")
class VerificationController {

    private final Verification verification;

    VerificationController(Verification verification) {
        this.verification = verification;
    }

    /** {@code status}: VALID, SUSPENDED, REVOKED or EXPIRED; {@code validUntil} null when permanent. */
    @Schema(description = "What a verifier learns about a licence: never its face")
    record VerificationResponse(
            @Schema(maxLength = LICENSE_ID_LENGTH, pattern = LICENSE_ID) String licenseId,
            @Schema(maxLength = Limits.TYPE_CODE_LENGTH, pattern = Limits.TYPE_CODE) String typeCode,
            @Schema(description = "The issuing department", maxLength = Limits.DEPARTMENT_CODE_LENGTH,
                    pattern = Limits.DEPARTMENT_CODE) String issuer,
            @Schema(description = "Whether the issuing department's seal over the licence (and the token) verifies")
            boolean signatureValid,
            @Schema(description = "`EXPIRED` is derived from the validity (Asia/Shanghai date)") LicenseStatus status,
            @Schema(description = "Last valid day; null when permanent", maxLength = Limits.DATE_LENGTH)
            LocalDate validUntil) {

        static VerificationResponse of(Verification.Result r) {
            return new VerificationResponse(r.licenseId(), r.typeCode(), r.issuer(), r.signatureValid(), r.status(),
                    r.validUntil());
        }
    }

    @Operation(summary = "Verify a licence by its id", description = "Unknown licence: 404.")
    @GetMapping("/{licenseId}")
    VerificationResponse byId(@PathVariable @Size(max = LICENSE_ID_LENGTH)
            @Pattern(regexp = LICENSE_ID, message = "a licence id") String licenseId) {
        return VerificationResponse.of(verification.byId(licenseId));
    }

    record VerifyTokenRequest(
            @Schema(description = "The licence's QR code content (a compact signed token); anything else is "
                    + "refused as `INVALID_QR_TOKEN`")
            @NotBlank @Size(max = Limits.QR_TOKEN_LENGTH) String qr) {
    }

    @Operation(summary = "Verify a licence by its QR token", description = """
            Checks the token's signature, that it has not expired (`exp`) and that it describes the licence as \
            stored. Not a licence token: 400 `INVALID_QR_TOKEN`; a genuine token past its `exp`: 410 \
            `QR_TOKEN_EXPIRED` (ask the holder for a fresh code, or verify by id); the licence it names does not \
            exist: 404.""")
    @ApiResponse(responseCode = "200", description = "What a verifier learns about the licence",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "410", description = "`QR_TOKEN_EXPIRED`: the token's `exp` has passed")
    @PostMapping
    VerificationResponse byToken(@Valid @RequestBody VerifyTokenRequest request) {
        return VerificationResponse.of(verification.byToken(request.qr()));
    }
}
