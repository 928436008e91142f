package dev.onewindow.dataexchange.sharing.web;

import java.time.Instant;
import java.util.List;

import dev.onewindow.dataexchange.config.DataExchangeProperties;
import dev.onewindow.dataexchange.resources.ShareType;
import dev.onewindow.dataexchange.sharing.ShareRequest;
import dev.onewindow.dataexchange.sharing.ShareRequestService;
import dev.onewindow.dataexchange.sharing.ShareStatus;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.text.MultiLineText;
import dev.onewindow.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static dev.onewindow.dataexchange.Limits.FIELD;
import static dev.onewindow.dataexchange.Limits.FIELDS;
import static dev.onewindow.dataexchange.Limits.ID;
import static dev.onewindow.dataexchange.Limits.ID_LENGTH;
import static dev.onewindow.dataexchange.Limits.MAX_PAGE;
import static dev.onewindow.dataexchange.Limits.PAGE_SIZE;
import static dev.onewindow.dataexchange.Limits.RESOURCE_CODE;
import static dev.onewindow.dataexchange.Limits.RESOURCE_CODE_LENGTH;
import static dev.onewindow.dataexchange.Limits.TEXT;

/** Share requests (共享申请) and the providing department's decisions. */
@RestController
@RequestMapping("/api/v1/exchange/share-requests")
@Tag(name = "Share requests", description = "共享申请: unconditional resources are granted at once, conditional ones "
        + "decided by the provider within its limit on the working-day calendar, not-shared ones refused (409).")
class ShareRequestController {

    private final ShareRequestService requests;
    private final DataExchangeProperties properties;

    ShareRequestController(ShareRequestService requests, DataExchangeProperties properties) {
        this.requests = requests;
        this.properties = properties;
    }

    @Operation(summary = "Request a resource", description = """
            By a data steward or admin of the consuming department (the caller's department): the fields wanted, \
            which personal ones in clear, the purpose, the legal basis and the period. Unconditional: granted at \
            once (the answer names the grant). Conditional: PENDING until the provider decides, due by dueAt. \
            Not shared: 409 NOT_SHARED.""")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('data-steward', 'dept-admin')")
    ShareRequestResponse file(@Valid @RequestBody FileShareRequest request, Caller caller) {
        return response(requests.file(request.resourceCode(), new ShareRequest.Ask(request.fields(),
                request.unmaskedFields() == null ? List.of() : request.unmaskedFields(), request.purpose(),
                request.legalBasis(), request.validUntil(), request.quota()), caller));
    }

    @Operation(summary = "List share requests", description = "The own department's, as consumer or provider; all "
            + "for auditors. Newest first.")
    @GetMapping
    @PreAuthorize("hasAnyRole('data-steward', 'dept-admin', 'auditor')")
    ShareRequestPage list(
            @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", maximum = "" + MAX_PAGE, defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Requests per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + PAGE_SIZE, defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size, Caller caller) {
        Page<ShareRequest> found = requests.list(caller, Paging.of(page, size, properties.maxPageSize()));
        return new ShareRequestPage(found.getContent().stream().map(this::response).toList(), found.getNumber(),
                found.getSize(), found.getTotalElements());
    }

    @Operation(summary = "Read a share request", description = "For staff of either party and auditors.")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('data-steward', 'dept-admin', 'auditor')")
    ShareRequestResponse get(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id, Caller caller) {
        return response(requests.get(id, caller));
    }

    @Operation(summary = "Decide a conditional request", description = """
            By a data steward of the providing department: approve (optionally narrowing the fields, the unmasked \
            fields, the period and setting the rate quota) or reject with a reason. The clock stops; the decision \
            says whether it came on time.""")
    @PostMapping("/{id}/decision")
    @PreAuthorize("hasRole('data-steward')")
    ShareRequestResponse decide(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id,
            @Valid @RequestBody DecisionRequest request, Caller caller) {
        return response(requests.decide(id, request.approve(), new ShareRequest.Approval(request.fields(),
                request.unmaskedFields(), request.validUntil(), request.quota()), request.reason(), caller));
    }

    private ShareRequestResponse response(ShareRequest r) {
        return new ShareRequestResponse(r.id(), r.resourceCode(), r.shareType(), r.providerDepartment(),
                r.consumerDepartment(), r.fields(), r.unmaskedFields(), r.purpose(), r.legalBasis(), r.validUntil(),
                r.quota(), r.status(), r.requestedAt(), r.dueAt(), requests.overdue(r), r.decidedAt(), r.onTime(),
                r.reason(), r.grantId());
    }

    @Schema(description = "A share request (共享申请)")
    record FileShareRequest(
            @NotBlank @Size(max = RESOURCE_CODE_LENGTH) @Pattern(regexp = RESOURCE_CODE)
            @Schema(maxLength = RESOURCE_CODE_LENGTH, pattern = RESOURCE_CODE) String resourceCode,
            @NotEmpty @Size(max = FIELDS) @ArraySchema(maxItems = FIELDS, schema = @Schema(maxLength = 32,
                    pattern = FIELD)) List<@NotBlank @Size(max = 32) @Pattern(regexp = FIELD) String> fields,
            @Size(max = FIELDS) @ArraySchema(maxItems = FIELDS, schema = @Schema(maxLength = 32, pattern = FIELD),
                    arraySchema = @Schema(description = "personal fields among `fields` wanted in clear"))
            List<@NotBlank @Size(max = 32) @Pattern(regexp = FIELD) String> unmaskedFields,
            @NotBlank @Size(max = TEXT) @MultiLineText @Schema(maxLength = TEXT) String purpose,
            @NotBlank @Size(max = TEXT) @Schema(maxLength = TEXT) String legalBasis,
            @NotNull @Schema(maxLength = 35, description = "end of the period asked for (capped to the longest a "
                    + "grant may run)") Instant validUntil,
            @Min(1) @Max(100_000) @Schema(minimum = "1", maximum = "100000",
                    description = "queries per quota period wanted") Integer quota) {
    }

    @Schema(description = "The providing department's decision")
    record DecisionRequest(
            @NotNull Boolean approve,
            @Size(max = FIELDS) @ArraySchema(maxItems = FIELDS, schema = @Schema(maxLength = 32, pattern = FIELD))
            List<@NotBlank @Size(max = 32) @Pattern(regexp = FIELD) String> fields,
            @Size(max = FIELDS) @ArraySchema(maxItems = FIELDS, schema = @Schema(maxLength = 32, pattern = FIELD))
            List<@NotBlank @Size(max = 32) @Pattern(regexp = FIELD) String> unmaskedFields,
            @Schema(maxLength = 35) Instant validUntil,
            @Min(1) @Max(100_000) @Schema(minimum = "1", maximum = "100000") Integer quota,
            @Size(max = TEXT) @MultiLineText @Schema(maxLength = TEXT, description = "required for a rejection")
            String reason) {
    }

    @Schema(description = "A share request")
    record ShareRequestResponse(
            @Schema(maxLength = 36) String id,
            @Schema(maxLength = RESOURCE_CODE_LENGTH) String resourceCode,
            ShareType shareType,
            @Schema(maxLength = 16) String providerDepartment,
            @Schema(maxLength = 16) String consumerDepartment,
            @ArraySchema(maxItems = FIELDS, schema = @Schema(maxLength = 32)) List<String> fields,
            @ArraySchema(maxItems = FIELDS, schema = @Schema(maxLength = 32)) List<String> unmaskedFields,
            @Schema(maxLength = TEXT) String purpose,
            @Schema(maxLength = TEXT) String legalBasis,
            @Schema(maxLength = 35) Instant validUntil,
            @Schema(minimum = "1", maximum = "100000") Integer quota,
            ShareStatus status,
            @Schema(maxLength = 35) Instant requestedAt,
            @Schema(maxLength = 35, description = "when the provider's decision is due (conditional)") Instant dueAt,
            boolean overdue,
            @Schema(maxLength = 35) Instant decidedAt,
            Boolean onTime,
            @Schema(maxLength = TEXT) String reason,
            @Schema(maxLength = 36) String grantId) {
    }

    @Schema(description = "A page of share requests")
    record ShareRequestPage(
            @ArraySchema(maxItems = PAGE_SIZE) List<ShareRequestResponse> items,
            @Schema(minimum = "0", maximum = "" + MAX_PAGE) int page,
            @Schema(minimum = "1", maximum = "" + PAGE_SIZE) int size,
            @Schema(minimum = "0", maximum = "1000000000") long total) {
    }
}
