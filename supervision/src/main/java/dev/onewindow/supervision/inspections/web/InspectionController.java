package dev.onewindow.supervision.inspections.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.onewindow.platform.personal.UnifiedSocialCreditCode;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.web.Paging;
import dev.onewindow.supervision.config.SupervisionProperties;
import dev.onewindow.supervision.inspections.DrawAlgorithm;
import dev.onewindow.supervision.inspections.Inspection;
import dev.onewindow.supervision.inspections.InspectionService;
import dev.onewindow.supervision.inspections.InspectionStatus;
import dev.onewindow.supervision.inspections.Outcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static dev.onewindow.supervision.Limits.DEPARTMENT;
import static dev.onewindow.supervision.Limits.ID;
import static dev.onewindow.supervision.Limits.ID_LENGTH;
import static dev.onewindow.supervision.Limits.INSPECTOR_ID;
import static dev.onewindow.supervision.Limits.ITEM_CODE;
import static dev.onewindow.supervision.Limits.MAX_PAGE;
import static dev.onewindow.supervision.Limits.PAGE_SIZE;
import static dev.onewindow.supervision.Limits.REGION;
import static dev.onewindow.supervision.Limits.ROSTER;
import static dev.onewindow.supervision.Limits.USCC;

/** 双随机、一公开: announce (rosters + the seed's hash), draw (seed + selection), results, publication. */
@RestController
@RequestMapping("/api/v1/supervision/inspections")
@Tag(name = "Random inspections", description = "双随机、一公开: a verifiable draw of entities and inspectors "
        + "(SHA-256 of the seed published before, the seed after; algorithm onewindow-draw-v1 in docs/domain.md), "
        + "results published within 20 working days of the inspection's end.")
class InspectionController {

    private final InspectionService inspections;
    private final SupervisionProperties properties;

    InspectionController(InspectionService inspections, SupervisionProperties properties) {
        this.inspections = inspections;
        this.properties = properties;
    }

    @Operation(summary = "Announce an inspection", description = "By a supervisor of the region: freezes both "
            + "rosters (their snapshot hashes) and publishes the SHA-256 of a secret seed.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('supervisor')")
    InspectionResponse announce(@Valid @RequestBody AnnounceRequest request, Caller caller) {
        for (EntityRequest e : request.entities()) {
            if (!UnifiedSocialCreditCode.isValid(e.uscc())) {
                throw DomainException.invalid("INVALID_USCC", "a USCC's check character is wrong")
                        .with("uscc", e.uscc());
            }
        }
        return response(inspections.announce(new Inspection.Plan(request.itemCode(), request.itemName(),
                request.region(), request.department(),
                request.entities().stream().map(e -> new DrawAlgorithm.Entity(e.uscc(), e.type(), e.region()))
                        .toList(),
                request.inspectors().stream().map(i -> new DrawAlgorithm.Inspector(i.id(), i.department(),
                        i.conflicts())).toList(),
                request.ratio(), request.inspectorsPerEntity(), Boolean.TRUE.equals(request.distinctDepartments()),
                request.endsOn()), caller));
    }

    @Operation(summary = "List inspections", description = "The region's for supervisors, all for auditors.")
    @GetMapping
    @PreAuthorize("hasAnyRole('supervisor', 'auditor')")
    InspectionPage list(
            @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", maximum = "" + MAX_PAGE, defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Inspections per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + PAGE_SIZE, defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size, Caller caller) {
        Page<Inspection> found = inspections.list(caller, Paging.of(page, size, properties.maxPageSize()));
        return new InspectionPage(found.getContent().stream().map(InspectionController::response).toList(),
                found.getNumber(), found.getSize(), found.getTotalElements());
    }

    @Operation(summary = "Read an inspection", description = "For supervisors of its region and auditors.")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('supervisor', 'auditor')")
    InspectionResponse get(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id, Caller caller) {
        return response(inspections.get(id, caller));
    }

    @Operation(summary = "The public record (一公开)", description = "Plain text anyone can re-run with "
            + "supervision/bin/verify-draw.sh: algorithm, seed hash, seed once drawn, rosters, hashes, selection.",
            responses = @ApiResponse(responseCode = "200", description = "the record",
                    content = @Content(mediaType = "text/plain", schema = @Schema(type = "string",
                            maxLength = 2_000_000))))
    @GetMapping(value = "/{id}/record", produces = MediaType.TEXT_PLAIN_VALUE)
    String record(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id) {
        return inspections.publicRecord(id);
    }

    @Operation(summary = "Draw", description = "By a supervisor of the region: reveals the seed and draws.")
    @PostMapping("/{id}/draw")
    @PreAuthorize("hasRole('supervisor')")
    InspectionResponse draw(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id, Caller caller) {
        return response(inspections.draw(id, caller));
    }

    @Operation(summary = "Record a result", description = "By a supervisor of the region, for a drawn entity.")
    @PostMapping("/{id}/results")
    @PreAuthorize("hasRole('supervisor')")
    InspectionResponse result(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id,
            @Valid @RequestBody ResultRequest request, Caller caller) {
        return response(inspections.record(id, request.uscc(), request.outcome(), caller));
    }

    @Operation(summary = "Publish the results (一公开)", description = "By a supervisor of the region, once every "
            + "drawn entity has a result; stops the publication clock.")
    @PostMapping("/{id}/publication")
    @PreAuthorize("hasRole('supervisor')")
    InspectionResponse publish(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id,
            Caller caller) {
        return response(inspections.publish(id, caller));
    }

    private static InspectionResponse response(Inspection i) {
        return new InspectionResponse(i.id(), i.itemCode(), i.itemName(), i.regionCode(), i.department(), i.status(),
                i.seedHash(), i.entitiesHash(), i.inspectorsHash(), i.entityCount(), i.inspectorCount(), i.endsOn(),
                i.announcedAt(), i.drawnAt(), i.publicationDueAt(), i.publishedAt(),
                i.selection().stream().map(a -> new SelectedResponse(a.uscc(), a.inspectors(),
                        i.results().get(a.uscc()))).toList());
    }

    @Schema(description = "A random inspection")
    record InspectionResponse(
            @Schema(maxLength = 36, pattern = ID) String id,
            @Schema(maxLength = 40) String itemCode,
            @Schema(maxLength = 200) String itemName,
            @Schema(maxLength = 6) String region,
            @Schema(maxLength = 16) String department,
            InspectionStatus status,
            @Schema(maxLength = 64) String seedHash,
            @Schema(maxLength = 64) String entitiesHash,
            @Schema(maxLength = 64) String inspectorsHash,
            @Schema(minimum = "0", maximum = "" + ROSTER) int entities,
            @Schema(minimum = "0", maximum = "" + ROSTER) int inspectors,
            @Schema(maxLength = 10) LocalDate endsOn,
            @Schema(maxLength = 35) Instant announcedAt,
            @Schema(maxLength = 35) Instant drawnAt,
            @Schema(maxLength = 35) Instant publicationDueAt,
            @Schema(maxLength = 35) Instant publishedAt,
            @ArraySchema(maxItems = ROSTER) List<SelectedResponse> selection) {
    }

    @Schema(description = "A drawn entity, its inspectors and result")
    record SelectedResponse(@Schema(maxLength = 18) String uscc,
            @ArraySchema(maxItems = 20, schema = @Schema(maxLength = 64)) List<String> inspectors, Outcome outcome) {
    }

    @Schema(description = "A page of inspections")
    record InspectionPage(
            @ArraySchema(maxItems = PAGE_SIZE) List<InspectionResponse> items,
            @Schema(minimum = "0", maximum = "" + MAX_PAGE) int page,
            @Schema(minimum = "1", maximum = "" + PAGE_SIZE) int size,
            @Schema(minimum = "0", maximum = "1000000000") long total) {
    }

    @Schema(description = "An inspection to announce, with its rosters")
    record AnnounceRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = ITEM_CODE) String itemCode,
            @NotBlank @Size(max = 200) @dev.onewindow.platform.text.MultiLineText String itemName,
            @NotBlank @Size(max = 6) @Pattern(regexp = REGION) String region,
            @NotBlank @Size(max = 16) @Pattern(regexp = DEPARTMENT) String department,
            @NotEmpty @Size(max = ROSTER) List<@Valid @NotNull EntityRequest> entities,
            @NotEmpty @Size(max = ROSTER) List<@Valid @NotNull InspectorRequest> inspectors,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") BigDecimal ratio,
            @NotNull @Min(2) @Max(20) Integer inspectorsPerEntity,
            Boolean distinctDepartments,
            @NotNull @Schema(maxLength = 10, description = "the inspection's last day, yyyy-MM-dd") LocalDate endsOn) {
    }

    @Schema(description = "An inspectable entity")
    record EntityRequest(@NotBlank @Size(max = 18) @Pattern(regexp = USCC) String uscc,
            @NotBlank @Size(max = 32) @Pattern(regexp = "^[A-Z_]{1,32}$") String type,
            @NotBlank @Size(max = 6) @Pattern(regexp = REGION) String region) {
    }

    @Schema(description = "An inspector and the entities (USCC) they declared a conflict with")
    record InspectorRequest(@NotBlank @Size(max = 64) @Pattern(regexp = INSPECTOR_ID) String id,
            @NotBlank @Size(max = 16) @Pattern(regexp = DEPARTMENT) String department,
            @Size(max = 100) List<@NotNull @Size(max = 18) @Pattern(regexp = USCC) String> conflicts) {
    }

    @Schema(description = "The outcome for a drawn entity")
    record ResultRequest(@NotBlank @Size(max = 18) @Pattern(regexp = USCC) String uscc, @NotNull Outcome outcome) {
    }
}
