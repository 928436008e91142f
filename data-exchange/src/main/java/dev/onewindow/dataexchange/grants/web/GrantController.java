package dev.onewindow.dataexchange.grants.web;

import java.time.Instant;
import java.util.List;

import dev.onewindow.dataexchange.config.DataExchangeProperties;
import dev.onewindow.dataexchange.grants.Grant;
import dev.onewindow.dataexchange.grants.GrantService;
import dev.onewindow.dataexchange.grants.GrantStatus;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.text.MultiLineText;
import dev.onewindow.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static dev.onewindow.dataexchange.Limits.FIELDS;
import static dev.onewindow.dataexchange.Limits.ID;
import static dev.onewindow.dataexchange.Limits.ID_LENGTH;
import static dev.onewindow.dataexchange.Limits.MAX_PAGE;
import static dev.onewindow.dataexchange.Limits.PAGE_SIZE;
import static dev.onewindow.dataexchange.Limits.TEXT;

/** Grants (授权): read by both parties and the consumer's systems, revoked by the provider. */
@RestController
@RequestMapping("/api/v1/exchange/grants")
@Tag(name = "Grants", description = "授权: what a consuming department may read of a resource, for which purpose, "
        + "until when, how often; revocable, and ends by itself.")
class GrantController {

    private final GrantService grants;
    private final DataExchangeProperties properties;

    GrantController(GrantService grants, DataExchangeProperties properties) {
        this.grants = grants;
        this.properties = properties;
    }

    @Operation(summary = "List grants", description = "The own department's, as consumer or provider (a consumer "
            + "system: its department's as consumer); all for auditors. Newest first.")
    @GetMapping
    @PreAuthorize("hasAnyRole('data-steward', 'dept-admin', 'data-consumer', 'auditor')")
    GrantPage list(
            @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", maximum = "" + MAX_PAGE, defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Grants per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + PAGE_SIZE, defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size, Caller caller) {
        Page<Grant> found = grants.list(caller, Paging.of(page, size, properties.maxPageSize()));
        return new GrantPage(found.getContent().stream().map(GrantController::response).toList(), found.getNumber(),
                found.getSize(), found.getTotalElements());
    }

    @Operation(summary = "Read a grant")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('data-steward', 'dept-admin', 'data-consumer', 'auditor')")
    GrantResponse get(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id, Caller caller) {
        return response(grants.get(id, caller));
    }

    @Operation(summary = "Revoke a grant", description = "By a data steward of the providing department, with a "
            + "reason; queries under it are refused (403 GRANT_REVOKED) from now on. Announced as grant.revoked.")
    @PostMapping("/{id}/revocation")
    @PreAuthorize("hasRole('data-steward')")
    GrantResponse revoke(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id,
            @Valid @RequestBody RevokeGrantRequest request, Caller caller) {
        return response(grants.revoke(id, request.reason(), caller));
    }

    static GrantResponse response(Grant g) {
        return new GrantResponse(g.id(), g.resourceCode(), g.providerDepartment(), g.consumerDepartment(),
                g.fields(), g.unmaskedFields(), g.purpose(), g.legalBasis(), g.grantedAt(), g.expiresAt(), g.quota(),
                g.quotaPeriod().toString(), g.status(), g.endedAt(), g.reason());
    }

    @Schema(description = "Why the grant is revoked")
    record RevokeGrantRequest(@NotBlank @Size(max = TEXT) @MultiLineText @Schema(maxLength = TEXT) String reason) {
    }

    @Schema(description = "A grant (授权)")
    record GrantResponse(
            @Schema(maxLength = 36) String id,
            @Schema(maxLength = 33) String resourceCode,
            @Schema(maxLength = 16) String providerDepartment,
            @Schema(maxLength = 16) String consumerDepartment,
            @ArraySchema(maxItems = FIELDS, schema = @Schema(maxLength = 32)) List<String> fields,
            @ArraySchema(maxItems = FIELDS, schema = @Schema(maxLength = 32)) List<String> unmaskedFields,
            @Schema(maxLength = TEXT) String purpose,
            @Schema(maxLength = TEXT) String legalBasis,
            @Schema(maxLength = 35) Instant grantedAt,
            @Schema(maxLength = 35) Instant expiresAt,
            @Schema(minimum = "1", maximum = "100000", description = "queries per quotaPeriod") int quota,
            @Schema(maxLength = 32, description = "ISO-8601 duration") String quotaPeriod,
            GrantStatus status,
            @Schema(maxLength = 35) Instant endedAt,
            @Schema(maxLength = TEXT) String reason) {
    }

    @Schema(description = "A page of grants")
    record GrantPage(
            @ArraySchema(maxItems = PAGE_SIZE) List<GrantResponse> items,
            @Schema(minimum = "0", maximum = "" + MAX_PAGE) int page,
            @Schema(minimum = "1", maximum = "" + PAGE_SIZE) int size,
            @Schema(minimum = "0", maximum = "1000000000") long total) {
    }
}
