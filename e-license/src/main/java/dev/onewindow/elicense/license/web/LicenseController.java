package dev.onewindow.elicense.license.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.onewindow.elicense.license.HolderRefs;
import dev.onewindow.elicense.license.License;
import dev.onewindow.elicense.license.LicenseAccess;
import dev.onewindow.elicense.license.LicenseReads;
import dev.onewindow.elicense.license.LicenseService.IssueCommand;
import dev.onewindow.elicense.license.LicenseService;
import dev.onewindow.elicense.licensetype.LicenseType;
import dev.onewindow.elicense.licensetype.LicenseTypes;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
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

/**
 * Licences: the holder's own list and licences; issuing by a department system; status changes and reissue by the
 * issuing department; the holder's usage records.
 */
@RestController
@RequestMapping("/api/v1/licenses")
class LicenseController {

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
    @GetMapping
    List<LicenseResponse> mine(Caller caller, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        LocalDate today = licenses.today();
        return licenses.ofHolder(caller, limit).stream()
                .map(l -> LicenseResponse.of(l, typeName(l), l.statusOn(today), null)).toList();
    }

    /**
     * The holder: exactly one of a resident ID number, a unified social credit code, or an already computed
     * {@code holderRef} (64 hex characters, the cluster-wide keyed hash).
     */
    record HolderRequest(@Size(max = 18) String idNumber, @Size(max = 18) String uscc,
            @Pattern(regexp = "[0-9a-f]{64}", message = "64 lowercase hex characters") String holderRef) {

        @AssertTrue(message = "exactly one of idNumber, uscc, holderRef")
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
            @NotBlank @Pattern(regexp = "[A-Z]{2,20}", message = "a licence type code") String typeCode,
            @Pattern(regexp = "[A-Z0-9]{2,20}", message = "a department code") String issuerDepartment,
            @NotNull @Valid HolderRequest holder,
            @Pattern(regexp = "\\d{6}", message = "a 6-digit region code") String region,
            LocalDate validFrom,
            @NotNull @Size(max = 100) Map<String, Object> fields) {
    }

    /**
     * Issues a licence of the type's department. {@code Idempotency-Key}: a retried request with the same key returns
     * the licence the first one issued (200 instead of 201).
     */
    @PostMapping
    ResponseEntity<LicenseResponse> issue(@Valid @RequestBody IssueLicenseRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey,
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
                .body(LicenseResponse.of(license, type.name(), license.statusOn(licenses.today()), null));
    }

    /** The holder sees the face; staff of the issuing department the record; anyone else 404. */
    @GetMapping("/{licenseId}")
    LicenseResponse get(@PathVariable String licenseId, Caller caller) {
        LocalDate today = licenses.today();
        var own = licenses.ownedBy(caller, licenseId);
        if (own.isPresent()) {
            License license = own.get();
            return LicenseResponse.of(license, typeName(license), license.statusOn(today),
                    licenses.content(license).fields());
        }
        return licenses.administeredBy(caller, licenseId)
                .map(l -> LicenseResponse.of(l, typeName(l), l.statusOn(today), null))
                .orElseThrow(() -> DomainException.notFound("licence", licenseId));
    }

    record StatusChangeRequest(@Size(max = 500) String reason) {
    }

    @PostMapping("/{licenseId}/suspend")
    LicenseResponse suspend(@PathVariable String licenseId, @Valid @RequestBody(required = false)
            StatusChangeRequest request, Caller caller) {
        return record(licenses.suspend(licenseId, caller, reason(request)));
    }

    @PostMapping("/{licenseId}/reinstate")
    LicenseResponse reinstate(@PathVariable String licenseId, @Valid @RequestBody(required = false)
            StatusChangeRequest request, Caller caller) {
        return record(licenses.reinstate(licenseId, caller, reason(request)));
    }

    /** Final: a revoked licence cannot be reinstated (409). */
    @PostMapping("/{licenseId}/revoke")
    LicenseResponse revoke(@PathVariable String licenseId, @Valid @RequestBody(required = false)
            StatusChangeRequest request, Caller caller) {
        return record(licenses.revoke(licenseId, caller, reason(request)));
    }

    /** {@code changes}: fields to set on the new version ({@code null} removes an optional field). */
    record ReissueRequest(@NotNull @Size(max = 100) Map<String, Object> changes, @Size(max = 500) String reason) {
    }

    /** A change of the face: revokes this licence and returns its new version (201). */
    @PostMapping("/{licenseId}/reissue")
    @ResponseStatus(HttpStatus.CREATED)
    LicenseResponse reissue(@PathVariable String licenseId, @Valid @RequestBody ReissueRequest request,
            Caller caller) {
        return record(licenses.reissue(licenseId, caller, request.changes(), request.reason()));
    }

    record UsageResponse(String licenseId, String typeCode, String usedByDepartment, String reader, String caseRef,
            String purpose, String channel, List<String> disclosedFields, Instant at) {
    }

    /** Who read the caller's licences (用证记录), newest first. */
    @GetMapping("/usage")
    List<UsageResponse> usage(Caller caller, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return reads.ofHolder(caller, limit).stream().map(u -> new UsageResponse(u.licenseId(), u.typeCode(),
                u.usedByDepartment(), u.reader(), u.caseRef(), u.purpose(), u.channel(), u.disclosedFields(),
                u.at())).toList();
    }

    private LicenseResponse record(License license) {
        return LicenseResponse.of(license, typeName(license), license.statusOn(licenses.today()), null);
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
