package dev.onewindow.elicense.authorization.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.onewindow.elicense.authorization.AuthorizationService;
import dev.onewindow.elicense.authorization.AuthorizationService.RedeemedLicense;
import dev.onewindow.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Holder authorizations (扫码授权): created by the holder, redeemed once by the named department. */
@RestController
@RequestMapping("/api/v1/licenses/authorizations")
class AuthorizationController {

    private final AuthorizationService authorizations;

    AuthorizationController(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    /** {@code fields} omitted: every field of the chosen licences; {@code caseRef}: only for that case. */
    record CreateAuthorizationRequest(
            @NotBlank @Pattern(regexp = "[A-Z0-9]{2,20}", message = "a department code") String departmentCode,
            @Size(max = 64) String caseRef,
            @NotBlank @Size(max = 200) String purpose,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 64) String> licenseIds,
            @Size(min = 1, max = 50) List<@NotBlank @Size(max = 40) String> fields) {
    }

    record AuthorizationResponse(String code, Instant expiresAt, List<String> licenseIds, String departmentCode,
            List<String> fields) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('citizen', 'enterprise')")
    AuthorizationResponse create(@Valid @RequestBody CreateAuthorizationRequest request, Caller caller) {
        AuthorizationService.Created created = authorizations.create(caller, request.departmentCode(),
                request.caseRef(), request.purpose(), request.licenseIds(), request.fields());
        return new AuthorizationResponse(created.code(), created.expiresAt(), created.licenseIds(),
                created.departmentCode(), created.fields());
    }

    record RedeemAuthorizationRequest(
            @NotBlank @Pattern(regexp = "[A-Z0-9]{2,20}", message = "a department code") String departmentCode,
            @Size(max = 64) String caseRef) {
    }

    record RedeemedLicenseResponse(String licenseId, String typeCode, String status, boolean signatureValid,
            String holderRef, LocalDate validUntil, Map<String, Object> fields) {
        static RedeemedLicenseResponse of(RedeemedLicense l) {
            return new RedeemedLicenseResponse(l.licenseId(), l.typeCode(), l.status().name(), l.signatureValid(),
                    l.holderRef(), l.validUntil(), l.fields());
        }
    }

    record RedemptionResponse(List<RedeemedLicenseResponse> licenses) {
    }

    @PostMapping("/{code}/redeem")
    RedemptionResponse redeem(@PathVariable @Size(max = 100) String code,
            @Valid @RequestBody RedeemAuthorizationRequest request, Caller caller) {
        return new RedemptionResponse(authorizations.redeem(caller, code, request.departmentCode(),
                request.caseRef()).stream().map(RedeemedLicenseResponse::of).toList());
    }
}
