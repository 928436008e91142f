package dev.onewindow.dataexchange.objections.web;

import java.time.Instant;
import java.util.List;

import dev.onewindow.dataexchange.config.DataExchangeProperties;
import dev.onewindow.dataexchange.objections.Objection;
import dev.onewindow.dataexchange.objections.ObjectionService;
import dev.onewindow.dataexchange.objections.ObjectionStatus;
import dev.onewindow.dataexchange.objections.Resolution;
import dev.onewindow.platform.personal.Masking;
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

import static dev.onewindow.dataexchange.Limits.ACCESS_ID;
import static dev.onewindow.dataexchange.Limits.FIELD;
import static dev.onewindow.dataexchange.Limits.FIELDS;
import static dev.onewindow.dataexchange.Limits.ID;
import static dev.onewindow.dataexchange.Limits.ID_LENGTH;
import static dev.onewindow.dataexchange.Limits.MAX_PAGE;
import static dev.onewindow.dataexchange.Limits.PAGE_SIZE;
import static dev.onewindow.dataexchange.Limits.TEXT;
import static dev.onewindow.dataexchange.Limits.VALUE;

/** Objections (数据疑义): a consumer flags a wrong record, the provider answers on its clock. */
@RestController
@RequestMapping("/api/v1/exchange/objections")
@Tag(name = "Objections", description = "数据疑义: the consuming department flags a record it received as wrong; "
        + "the providing department checks it and answers within its limit (5 working days by default).")
class ObjectionController {

    private final ObjectionService objections;
    private final DataExchangeProperties properties;

    ObjectionController(ObjectionService objections, DataExchangeProperties properties) {
        this.objections = objections;
        this.properties = properties;
    }

    @Operation(summary = "Raise an objection", description = "By the consuming department's system or data "
            + "steward, under a grant of its own, about fields the grant gives; dueAt is when the answer is due.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('data-consumer', 'data-steward')")
    ObjectionResponse raise(@Valid @RequestBody RaiseObjectionRequest request, Caller caller) {
        return response(objections.raise(request.grantId(), request.accessId(), request.recordKey(),
                request.fields(), request.description(), caller), caller);
    }

    @Operation(summary = "List objections", description = "The own department's, as consumer or provider; all for "
            + "auditors.")
    @GetMapping
    @PreAuthorize("hasAnyRole('data-steward', 'dept-admin', 'data-consumer', 'auditor')")
    ObjectionPage list(
            @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", maximum = "" + MAX_PAGE, defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Objections per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + PAGE_SIZE, defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size, Caller caller) {
        Page<Objection> found = objections.list(caller, Paging.of(page, size, properties.maxPageSize()));
        return new ObjectionPage(found.getContent().stream().map(o -> response(o, caller)).toList(),
                found.getNumber(), found.getSize(), found.getTotalElements());
    }

    @Operation(summary = "Read an objection", description = "For staff of either party and auditors; the record's "
            + "key in clear for the parties' data stewards only.")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('data-steward', 'dept-admin', 'data-consumer', 'auditor')")
    ObjectionResponse get(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id, Caller caller) {
        return response(objections.get(id, caller), caller);
    }

    @Operation(summary = "Answer an objection (校核)", description = "By a data steward of the providing "
            + "department: CORRECTED or CONFIRMED, with a reply; the clock stops.")
    @PostMapping("/{id}/resolution")
    @PreAuthorize("hasRole('data-steward')")
    ObjectionResponse resolve(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id,
            @Valid @RequestBody ResolveObjectionRequest request, Caller caller) {
        return response(objections.resolve(id, request.resolution(), request.reply(), caller), caller);
    }

    private ObjectionResponse response(Objection o, Caller caller) {
        boolean party = caller.dept() != null && o.party(caller.dept());
        return new ObjectionResponse(o.id(), o.grantId(), o.resourceCode(), o.providerDepartment(),
                o.consumerDepartment(), o.accessId(), objections.keyFor(o, caller), o.fields(),
                party ? o.description() : Masking.inText(o.description()), o.status(), o.raisedAt(), o.dueAt(),
                objections.overdue(o), o.resolution(), party ? o.reply() : Masking.inText(o.reply()),
                o.resolvedAt(), o.onTime());
    }

    @Schema(description = "An objection to a record")
    record RaiseObjectionRequest(
            @NotBlank @Size(max = ID_LENGTH) @Pattern(regexp = ID) @Schema(maxLength = ID_LENGTH, pattern = ID)
            String grantId,
            @Size(max = 15) @Pattern(regexp = ACCESS_ID) @Schema(maxLength = 15, pattern = ACCESS_ID,
                    description = "the access that returned the record") String accessId,
            @Size(max = VALUE) @Schema(maxLength = VALUE, description = "the record's key value (kept sealed)")
            String recordKey,
            @NotEmpty @Size(max = FIELDS) @ArraySchema(maxItems = FIELDS, schema = @Schema(maxLength = 32,
                    pattern = FIELD)) List<@NotBlank @Size(max = 32) @Pattern(regexp = FIELD) String> fields,
            @NotBlank @Size(max = TEXT) @MultiLineText @Schema(maxLength = TEXT) String description) {
    }

    @Schema(description = "The provider's answer")
    record ResolveObjectionRequest(@NotNull Resolution resolution,
            @NotBlank @Size(max = TEXT) @MultiLineText @Schema(maxLength = TEXT) String reply) {
    }

    @Schema(description = "An objection (数据疑义)")
    record ObjectionResponse(
            @Schema(maxLength = 36) String id,
            @Schema(maxLength = 36) String grantId,
            @Schema(maxLength = 33) String resourceCode,
            @Schema(maxLength = 16) String providerDepartment,
            @Schema(maxLength = 16) String consumerDepartment,
            @Schema(maxLength = 15) String accessId,
            @Schema(maxLength = VALUE, description = "for the parties' data stewards only") String recordKey,
            @ArraySchema(maxItems = FIELDS, schema = @Schema(maxLength = 32)) List<String> fields,
            @Schema(maxLength = TEXT) String description,
            ObjectionStatus status,
            @Schema(maxLength = 35) Instant raisedAt,
            @Schema(maxLength = 35) Instant dueAt,
            boolean overdue,
            Resolution resolution,
            @Schema(maxLength = TEXT) String reply,
            @Schema(maxLength = 35) Instant resolvedAt,
            Boolean onTime) {
    }

    @Schema(description = "A page of objections")
    record ObjectionPage(
            @ArraySchema(maxItems = PAGE_SIZE) List<ObjectionResponse> items,
            @Schema(minimum = "0", maximum = "" + MAX_PAGE) int page,
            @Schema(minimum = "1", maximum = "" + PAGE_SIZE) int size,
            @Schema(minimum = "0", maximum = "1000000000") long total) {
    }
}
