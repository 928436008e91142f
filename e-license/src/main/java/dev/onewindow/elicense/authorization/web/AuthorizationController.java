package dev.onewindow.elicense.authorization.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.onewindow.elicense.Limits;
import dev.onewindow.elicense.authorization.AuthorizationService;
import dev.onewindow.elicense.authorization.AuthorizationService.RedeemedLicense;
import dev.onewindow.elicense.license.LicenseStatus;
import dev.onewindow.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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

import static dev.onewindow.elicense.Limits.DEPARTMENT_CODE;
import static dev.onewindow.elicense.Limits.DEPARTMENT_CODE_LENGTH;
import static dev.onewindow.elicense.Limits.LICENSE_ID;
import static dev.onewindow.elicense.Limits.LICENSE_ID_LENGTH;

/** Holder authorizations (扫码授权): created by the holder, redeemed once by the named department. */
@RestController
@RequestMapping("/api/v1/licenses/authorizations")
@Tag(name = "Holder authorizations", description = """
        The holder's consent (扫码授权): a short-lived, single-use code with which the named department (or a \
        trusted service acting for it) reads the chosen licences — optionally only the chosen fields — once. Every \
        redemption is shown to the holder as a usage record.""")
class AuthorizationController {

    private final AuthorizationService authorizations;

    AuthorizationController(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    /** {@code fields} omitted: every field of the chosen licences; {@code caseRef}: only for that case. */
    record CreateAuthorizationRequest(
            @Schema(description = "The department that may redeem it")
            @NotBlank @Size(max = DEPARTMENT_CODE_LENGTH)
            @Pattern(regexp = DEPARTMENT_CODE, message = "a department code") String departmentCode,
            @Schema(description = "When set, only a redemption for this case matches")
            @Size(max = Limits.CASE_REF_LENGTH) String caseRef,
            @Schema(description = "Why the department may read the licences, shown in the usage records")
            @NotBlank @Size(max = Limits.PURPOSE_LENGTH) String purpose,
            @Schema(description = "The caller's own licences to disclose")
            @NotEmpty @Size(max = Limits.AUTHORIZATION_LICENSES) List<@NotBlank @Size(max = LICENSE_ID_LENGTH)
                    @Pattern(regexp = LICENSE_ID, message = "a licence id") String> licenseIds,
            @Schema(description = "Only these fields (of at least one chosen licence); omitted: every field. A "
                    + "personal field is disclosed in full only when named here; otherwise it is masked")
            @Size(min = 1, max = Limits.AUTHORIZATION_FIELDS)
            List<@NotBlank @Size(max = Limits.FIELD_NAME_LENGTH) String> fields) {
    }

    @Schema(description = "A created authorization: hand `code` (e.g. as a QR code) to the department")
    record AuthorizationResponse(
            @Schema(description = "The single-use code (base64url, 256 random bits)",
                    maxLength = Limits.AUTHORIZATION_CODE_LENGTH, pattern = Limits.AUTHORIZATION_CODE) String code,
            @Schema(description = "Redeemable until then", maxLength = Limits.INSTANT_LENGTH) Instant expiresAt,
            @ArraySchema(maxItems = Limits.AUTHORIZATION_LICENSES,
                    schema = @Schema(maxLength = LICENSE_ID_LENGTH, pattern = LICENSE_ID)) List<String> licenseIds,
            @Schema(maxLength = DEPARTMENT_CODE_LENGTH, pattern = DEPARTMENT_CODE) String departmentCode,
            @Schema(description = "The authorization's region: the department's, or the licences' for a department "
                    + "e-license does not know", maxLength = Limits.REGION_LENGTH, pattern = Limits.REGION)
            String region,
            @ArraySchema(maxItems = Limits.AUTHORIZATION_FIELDS,
                    arraySchema = @Schema(description = "The disclosed fields; null: every field"),
                    schema = @Schema(maxLength = Limits.FIELD_NAME_LENGTH, pattern = Limits.FIELD_NAME))
            List<String> fields) {
    }

    @Operation(summary = "Authorize a department to read some of the caller's licences", description = """
            The holder (citizen or enterprise agent) chooses the department, optionally a case, the licences (their \
            own: another holder's licence is 404) and optionally the fields (each a field of at least one chosen \
            licence, else 400 `UNKNOWN_LICENSE_FIELD`). The code is single-use and expires after \
            `onewindow.elicense.authorization-ttl` (10 minutes).""")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('citizen', 'enterprise')")
    AuthorizationResponse create(@Valid @RequestBody CreateAuthorizationRequest request, Caller caller) {
        AuthorizationService.Created created = authorizations.create(caller, request.departmentCode(),
                request.caseRef(), request.purpose(), request.licenseIds(), request.fields());
        return new AuthorizationResponse(created.code(), created.expiresAt(), created.licenseIds(),
                created.departmentCode(), created.region(), created.fields());
    }

    record RedeemAuthorizationRequest(
            @Schema(description = "The department the caller redeems for: the authorization's")
            @NotBlank @Size(max = DEPARTMENT_CODE_LENGTH)
            @Pattern(regexp = DEPARTMENT_CODE, message = "a department code") String departmentCode,
            @Schema(description = "The case the licences are read for (must match the authorization's, if it has one)")
            @Size(max = Limits.CASE_REF_LENGTH) String caseRef) {
    }

    @Schema(description = "One licence as the redeeming department reads it")
    record RedeemedLicenseResponse(
            @Schema(maxLength = LICENSE_ID_LENGTH, pattern = LICENSE_ID) String licenseId,
            @Schema(maxLength = Limits.TYPE_CODE_LENGTH, pattern = Limits.TYPE_CODE) String typeCode,
            @Schema(description = "`EXPIRED` is derived from the validity (Asia/Shanghai date)") LicenseStatus status,
            @Schema(description = "Whether the issuing department's seal verifies") boolean signatureValid,
            @Schema(description = "The cluster-wide keyed hash of the holder's ID number or credit code",
                    maxLength = Limits.HOLDER_REF_LENGTH, pattern = Limits.HOLDER_REF) String holderRef,
            @Schema(description = "Last valid day; null when permanent", maxLength = Limits.DATE_LENGTH)
            LocalDate validUntil,
            @Schema(description = "The authorized fields of the face, typed per the licence type; a personal field the "
                    + "holder did not name in the authorization is masked (a string: 张*, 110105********1234, "
                    + "138****5678 or ***)", maxProperties = Limits.FACE_FIELDS) Map<String, Object> fields,
            @ArraySchema(maxItems = Limits.FACE_FIELDS,
                    arraySchema = @Schema(description = "The fields of `fields` that are masked"),
                    schema = @Schema(maxLength = Limits.FIELD_NAME_LENGTH, pattern = Limits.FIELD_NAME))
            List<String> maskedFields) {

        static RedeemedLicenseResponse of(RedeemedLicense l) {
            return new RedeemedLicenseResponse(l.licenseId(), l.typeCode(), l.status(), l.signatureValid(),
                    l.holderRef(), l.validUntil(), l.fields(), l.maskedFields());
        }
    }

    record RedemptionResponse(@ArraySchema(maxItems = Limits.AUTHORIZATION_LICENSES)
            List<RedeemedLicenseResponse> licenses) {
    }

    @Operation(summary = "Redeem an authorization once", description = """
            Staff of the authorization's department (roles `window-officer`, `reviewer`, `approver`, `dept-admin`, \
            `dept-handler` with that `dept`), or a trusted service (`onewindow.elicense.trusted-redeemers`, by token \
            `azp`) acting for it; anyone else 403. An unknown code, or one for another department or case: 404; \
            used already: 409 `AUTHORIZATION_USED`; expired: 410 `AUTHORIZATION_EXPIRED`. A personal field is \
            masked unless the holder named it in the authorization's `fields` (`maskedFields` lists the masked \
            ones). Each licence read is recorded for the holder and published as `license.used`.""")
    @PostMapping("/{code}/redeem")
    RedemptionResponse redeem(@PathVariable @Size(max = Limits.AUTHORIZATION_CODE_LENGTH)
            @Pattern(regexp = Limits.AUTHORIZATION_CODE, message = "an authorization code") String code,
            @Valid @RequestBody RedeemAuthorizationRequest request, Caller caller) {
        return new RedemptionResponse(authorizations.redeem(caller, code, request.departmentCode(),
                request.caseRef()).stream().map(RedeemedLicenseResponse::of).toList());
    }
}
