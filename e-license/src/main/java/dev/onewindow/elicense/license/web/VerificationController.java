package dev.onewindow.elicense.license.web;

import java.time.LocalDate;

import dev.onewindow.elicense.license.Verification;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public verification (anonymous): signature validity and current status by licence id or by the QR token. The
 * face is never part of the answer: a department reads it only by redeeming the holder's authorization.
 */
@RestController
@RequestMapping("/api/v1/licenses/verify")
class VerificationController {

    private final Verification verification;

    VerificationController(Verification verification) {
        this.verification = verification;
    }

    /** {@code status}: VALID, SUSPENDED, REVOKED or EXPIRED; {@code validUntil} null when permanent. */
    record VerificationResponse(String licenseId, String typeCode, String issuer, boolean signatureValid,
            String status, LocalDate validUntil) {
        static VerificationResponse of(Verification.Result r) {
            return new VerificationResponse(r.licenseId(), r.typeCode(), r.issuer(), r.signatureValid(),
                    r.status().name(), r.validUntil());
        }
    }

    @GetMapping("/{licenseId}")
    VerificationResponse byId(@PathVariable String licenseId) {
        return VerificationResponse.of(verification.byId(licenseId));
    }

    record VerifyTokenRequest(@NotBlank @Size(max = 2048) String qr) {
    }

    @PostMapping
    VerificationResponse byToken(@Valid @RequestBody VerifyTokenRequest request) {
        return VerificationResponse.of(verification.byToken(request.qr()));
    }
}
