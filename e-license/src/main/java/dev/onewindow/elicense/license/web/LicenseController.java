package dev.onewindow.elicense.license.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.onewindow.elicense.Limits;
import dev.onewindow.elicense.license.HolderRefs;
import dev.onewindow.elicense.license.License;
import dev.onewindow.elicense.license.LicenseAccess;
import dev.onewindow.elicense.license.LicenseReads;
import dev.onewindow.elicense.license.LicenseService;
import dev.onewindow.elicense.license.LicenseService.IssueCommand;
import dev.onewindow.elicense.licensetype.LicenseType;
import dev.onewindow.elicense.licensetype.LicenseTypes;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.text.MultiLineText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static dev.onewindow.elicense.Limits.DEPARTMENT_CODE;
import static dev.onewindow.elicense.Limits.DEPARTMENT_CODE_LENGTH;
import static dev.onewindow.elicense.Limits.LICENSE_ID;
import static dev.onewindow.elicense.Limits.LICENSE_ID_LENGTH;

/**
 * Licences: the holder's own list and licences; issuing by a department system; status changes and reissue by the
 * issuing department; the holder's usage records.
 */
@RestController
@RequestMapping("/api/v1/licenses")
@Tag(name = "Licences", description = """
        Electronic licences (电子证照): issued and sealed by their department, read by their holder with the face \
        and the QR token, managed (suspend, reinstate, revoke, reissue) by the issuing department, and the holder's \
        record of who read them (用证记录).""")
class LicenseController {

    private static final String MANAGERS = """
            Approvers and department administrators of the licence's issuing department, or a trusted issuing system \
            (`onewindow.elicense.trusted-issuers`, by token `azp`). Other staff: 403; staff of another department, \
            or a licence that does not exist: 404.""";

    private final LicenseService licenses;
    private final LicenseTypes types;
    private final LicenseAccess access;
    private final HolderRefs holders;
    private final LicenseReads reads;

    LicenseController(LicenseService licenses, LicenseTypes types, LicenseAccess access, HolderRefs holders,
            LicenseReads reads) {
        this.licenses = licenses;
        this.types = types;
        this.access = access;
        this.holders = holders;
        this.reads = reads;
    }

    /** The caller's own licences (as holder), newest first, without their faces. */
    @Operation(summary = "List the caller's own licences", description = """
            The licences the caller holds (citizens by their ID number, enterprise agents also by their enterprise's \
            credit code), newest first, without their faces (`fields` is null) and QR tokens (`qrToken` is null: read \
            one licence for a fresh token). Staff hold none: an empty list.""")
    @ApiResponse(responseCode = "200", description = "The caller's licences", content = @Content(array = @ArraySchema(
            maxItems = Limits.PAGE_SIZE, schema = @Schema(implementation = LicenseResponse.class))))
    @GetMapping
    List<LicenseResponse> mine(Caller caller, @Parameter(description = "Licences per page at most")
            @RequestParam(defaultValue = "50") @Min(1) @Max(Limits.PAGE_SIZE) int limit) {
        LocalDate today = licenses.today();
        return licenses.ofHolder(caller, limit).stream()
                .map(l -> LicenseResponse.of(l, typeName(l), l.statusOn(today), null, null)).toList();
    }

    /**
     * The holder: exactly one of a resident ID number, a unified social credit code, or an already computed
     * {@code holderRef} (64 hex characters, the cluster-wide keyed hash).
     */
    @Schema(description = "The holder: exactly one of `idNumber`, `uscc` or `holderRef`")
    record HolderRequest(
            @Schema(description = "Resident ID number (居民身份证号码), check digit verified")
            @Size(max = Limits.ID_NUMBER_LENGTH) String idNumber,
            @Schema(description = "Unified social credit code (统一社会信用代码), check character verified")
            @Size(max = Limits.ID_NUMBER_LENGTH) String uscc,
            @Schema(description = "The cluster-wide keyed hash of the holder's ID number or credit code")
            @Size(max = Limits.HOLDER_REF_LENGTH)
            @Pattern(regexp = Limits.HOLDER_REF, message = "64 lowercase hex characters") String holderRef) {

        @AssertTrue(message = "exactly one of idNumber, uscc, holderRef")
        @Schema(hidden = true)
        boolean isExactlyOne() {
            return (idNumber != null ? 1 : 0) + (uscc != null ? 1 : 0) + (holderRef != null ? 1 : 0) == 1;
        }
    }

    /**
     * {@code issuerDepartment}: only for a trusted issuing system (staff issue for their own department), default
     * the type's primary issuer; {@code region}: issuing region, default the caller's; {@code validFrom}: first
     * valid day, default today (an earlier day digitises an existing paper licence with its original validity).
     */
    record IssueLicenseRequest(
            @NotBlank @Size(max = Limits.TYPE_CODE_LENGTH)
            @Pattern(regexp = Limits.TYPE_CODE, message = "a licence type code") String typeCode,
            @Schema(description = "Only for a trusted issuing system; default the type's primary issuing department")
            @Size(max = DEPARTMENT_CODE_LENGTH)
            @Pattern(regexp = DEPARTMENT_CODE, message = "a department code") String issuerDepartment,
            @NotNull @Valid HolderRequest holder,
            @Schema(description = "Issuing region; default the caller's")
            @Size(max = Limits.REGION_LENGTH)
            @Pattern(regexp = Limits.REGION, message = "a 6-digit region code") String region,
            @Schema(description = "First valid day (at most a year ahead); default today. An earlier day digitises an "
                    + "existing paper licence with its original validity.", maxLength = Limits.DATE_LENGTH)
            LocalDate validFrom,
            @Schema(description = "The face: the licence type's fields (see the licence types)",
                    maxProperties = Limits.FACE_FIELDS)
            @NotNull @Size(max = Limits.FACE_FIELDS) Map<String, Object> fields) {
    }

    /**
     * Issues a licence of the type's department. {@code Idempotency-Key}: a retried request with the same key returns
     * the licence the first one issued (200 instead of 201).
     */
    @Operation(summary = "Issue a licence", description = """
            Validates the face against the licence type, seals the licence with the issuing department's key and \
            publishes `license.issued`. Allowed for approvers and department administrators of one of the type's \
            issuing departments, for their own department, and for a trusted issuing system \
            (`onewindow.elicense.trusted-issuers`, by token `azp`), which may name `issuerDepartment`; anyone else \
            gets 403.""")
    @ApiResponse(responseCode = "201", description = "Issued", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "A retry with the same `Idempotency-Key`: the licence the first "
            + "request issued", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<LicenseResponse> issue(@Valid @RequestBody IssueLicenseRequest request,
            @Parameter(description = "Makes a retried request return the licence the first one issued: 1 to "
                    + Limits.IDEMPOTENCY_KEY_LENGTH + " visible ASCII characters (a UUID, say)")
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = Limits.IDEMPOTENCY_KEY_LENGTH)
            @Pattern(regexp = Limits.IDEMPOTENCY_KEY, message = "1 to " + Limits.IDEMPOTENCY_KEY_LENGTH
                    + " visible ASCII characters") String idempotencyKey,
            Caller caller) {
        LicenseType type = types.require(request.typeCode());
        String department = access.requireMayIssue(caller, type, request.issuerDepartment());
        String region = request.region() != null ? request.region() : caller.region();
        if (region == null) {
            throw DomainException.invalid("REGION_REQUIRED", "the issuing region is required");
        }
        if (request.validFrom() != null && request.validFrom().isAfter(licenses.today().plusYears(1))) {
            throw DomainException.invalid("INVALID_VALID_FROM", "validFrom is more than a year ahead");
        }
        HolderRequest holder = request.holder();
        String holderRef = holder.holderRef() != null ? holder.holderRef()
                : holder.idNumber() != null ? holders.ofIdNumber(holder.idNumber())
                : holders.ofCreditCode(holder.uscc());
        String issuer = caller.clientId() != null && access.trustedIssuer(caller) ? caller.clientId()
                : caller.dept();
        String issuanceKey = idempotencyKey == null ? null : "api:" + issuer + ":" + idempotencyKey;
        LicenseService.Issued issued = licenses.issue(new IssueCommand(type.code(), department, holderRef,
                request.fields(), true, region, request.validFrom(), null, issuanceKey, who(caller)));
        License license = issued.license();
        return ResponseEntity.status(issued.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(LicenseResponse.of(license, type.name(), license.statusOn(licenses.today()), null,
                        qrToken(license)));
    }

    /** The holder sees the face; staff of the issuing department the record; anyone else 404. */
    @Operation(summary = "Read a licence", description = """
            Its holder gets the licence with its face (`fields`) and a fresh QR token; staff of the issuing \
            department (and a trusted issuing system) the record without the face; anyone else 404.""")
    @GetMapping("/{licenseId}")
    LicenseResponse get(@PathVariable @Size(max = LICENSE_ID_LENGTH)
            @Pattern(regexp = LICENSE_ID, message = "a licence id") String licenseId, Caller caller) {
        LocalDate today = licenses.today();
        var own = licenses.ownedBy(caller, licenseId);
        if (own.isPresent()) {
            License license = own.get();
            return LicenseResponse.of(license, typeName(license), license.statusOn(today),
                    licenses.content(license).fields(), qrToken(license));
        }
        return licenses.administeredBy(caller, licenseId)
                .map(l -> LicenseResponse.of(l, typeName(l), l.statusOn(today), null, qrToken(l)))
                .orElseThrow(() -> DomainException.notFound("licence", licenseId));
    }

    record StatusChangeRequest(@Schema(description = "Why, kept in the licence's history; may span lines")
            @MultiLineText @Size(max = Limits.REASON_LENGTH) String reason) {
    }

    @Operation(summary = "Suspend a licence", description = MANAGERS
            + " Only a licence in force can be suspended (else 409 `ILLEGAL_STATE_TRANSITION`).")
    @PostMapping("/{licenseId}/suspend")
    LicenseResponse suspend(@PathVariable @Size(max = LICENSE_ID_LENGTH)
            @Pattern(regexp = LICENSE_ID, message = "a licence id") String licenseId,
            @Valid @RequestBody(required = false) StatusChangeRequest request, Caller caller) {
        return record(licenses.suspend(licenseId, caller, reason(request)));
    }

    @Operation(summary = "Reinstate a suspended licence", description = MANAGERS
            + " Only a suspended licence can be reinstated (else 409 `ILLEGAL_STATE_TRANSITION`).")
    @PostMapping("/{licenseId}/reinstate")
    LicenseResponse reinstate(@PathVariable @Size(max = LICENSE_ID_LENGTH)
            @Pattern(regexp = LICENSE_ID, message = "a licence id") String licenseId,
            @Valid @RequestBody(required = false) StatusChangeRequest request, Caller caller) {
        return record(licenses.reinstate(licenseId, caller, reason(request)));
    }

    /** Final: a revoked licence cannot be reinstated (409). */
    @Operation(summary = "Revoke a licence", description = MANAGERS
            + " Final: a revoked licence cannot be reinstated, revoked or suspended again (409).")
    @PostMapping("/{licenseId}/revoke")
    LicenseResponse revoke(@PathVariable @Size(max = LICENSE_ID_LENGTH)
            @Pattern(regexp = LICENSE_ID, message = "a licence id") String licenseId,
            @Valid @RequestBody(required = false) StatusChangeRequest request, Caller caller) {
        return record(licenses.revoke(licenseId, caller, reason(request)));
    }

    /** {@code changes}: fields to set on the new version ({@code null} removes an optional field). */
    record ReissueRequest(
            @Schema(description = "Fields to set on the new version; `null` removes an optional field",
                    maxProperties = Limits.FACE_FIELDS)
            @NotNull @Size(max = Limits.FACE_FIELDS) Map<String, Object> changes,
            @Schema(description = "Why, kept in the old licence's history; may span lines")
            @MultiLineText @Size(max = Limits.REASON_LENGTH) String reason) {
    }

    /** A change of the face: revokes this licence and returns its new version (201). */
    @Operation(summary = "Reissue a licence with a changed face", description = MANAGERS + """
             The new version (version + 1, same holder, issuer and end of validity, `previousLicenseId` set) is \
            sealed and returned; this licence is revoked with `supersededBy` pointing to it. Only a licence in force \
            can be reissued, and only once (409).""")
    @PostMapping("/{licenseId}/reissue")
    @ResponseStatus(HttpStatus.CREATED)
    LicenseResponse reissue(@PathVariable @Size(max = LICENSE_ID_LENGTH)
            @Pattern(regexp = LICENSE_ID, message = "a licence id") String licenseId,
            @Valid @RequestBody ReissueRequest request, Caller caller) {
        return record(licenses.reissue(licenseId, caller, request.changes(), request.reason()));
    }

    @Schema(description = "One read of one of the caller's licences by a department (用证记录); never field values")
    record UsageResponse(
            @Schema(maxLength = LICENSE_ID_LENGTH, pattern = LICENSE_ID) String licenseId,
            @Schema(maxLength = Limits.TYPE_CODE_LENGTH, pattern = Limits.TYPE_CODE) String typeCode,
            @Schema(description = "The record's region: the licence's issuing region", maxLength = Limits.REGION_LENGTH,
                    pattern = Limits.REGION) String region,
            @Schema(description = "The department that read it", maxLength = DEPARTMENT_CODE_LENGTH,
                    pattern = DEPARTMENT_CODE) String usedByDepartment,
            @Schema(description = "Who read it: a staff username or a service's client id",
                    maxLength = Limits.READER_LENGTH) String reader,
            @Schema(description = "The case it was read for, if any", maxLength = Limits.CASE_REF_LENGTH)
            String caseRef,
            @Schema(description = "The purpose the holder authorized", maxLength = Limits.PURPOSE_LENGTH)
            String purpose,
            @Schema(allowableValues = License.CHANNEL_AUTHORIZATION) String channel,
            @ArraySchema(maxItems = Limits.FACE_FIELDS, arraySchema = @Schema(description = "Names of the fields read"),
                    schema = @Schema(maxLength = Limits.FIELD_NAME_LENGTH, pattern = Limits.FIELD_NAME))
            List<String> disclosedFields,
            @ArraySchema(maxItems = Limits.FACE_FIELDS, arraySchema = @Schema(description = "Those of "
                    + "`disclosedFields` the department read in full; it saw the others (personal fields the holder "
                    + "did not choose) masked. Null on records from before masking"),
                    schema = @Schema(maxLength = Limits.FIELD_NAME_LENGTH, pattern = Limits.FIELD_NAME))
            List<String> disclosedInFull,
            @Schema(maxLength = Limits.INSTANT_LENGTH) Instant at) {
    }

    /** Who read the caller's licences (用证记录), newest first. */
    @Operation(summary = "List who read the caller's licences", description = """
            The holder's usage records (用证记录), newest first: every read of one of their licences by a department \
            with their authorization — who, which department, for which case and purpose, which fields (and which \
            of them in full), when.""")
    @ApiResponse(responseCode = "200", description = "The caller's usage records", content = @Content(array =
            @ArraySchema(maxItems = Limits.PAGE_SIZE, schema = @Schema(implementation = UsageResponse.class))))
    @GetMapping("/usage")
    List<UsageResponse> usage(Caller caller, @Parameter(description = "Records per page at most")
            @RequestParam(defaultValue = "50") @Min(1) @Max(Limits.PAGE_SIZE) int limit) {
        return reads.ofHolder(caller, limit).stream().map(u -> new UsageResponse(u.licenseId(), u.typeCode(),
                u.region(), u.usedByDepartment(), u.reader(), u.caseRef(), u.purpose(), u.channel(), u.disclosedFields(),
                u.disclosedInFull(),
                u.at())).toList();
    }

    private LicenseResponse record(License license) {
        return LicenseResponse.of(license, typeName(license), license.statusOn(licenses.today()), null,
                qrToken(license));
    }

    private String qrToken(License license) {
        return licenses.qrToken(license).orElse(null);
    }

    private String typeName(License license) {
        return types.find(license.typeCode()).map(LicenseType::name).orElse(null);
    }

    private static String reason(StatusChangeRequest request) {
        return request == null ? null : request.reason();
    }

    private static String who(Caller caller) {
        return caller.username() != null ? caller.username() : caller.clientId();
    }
}
