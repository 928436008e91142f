package dev.onewindow.evaluation.appeals.web;

import java.time.Instant;
import java.util.List;

import dev.onewindow.evaluation.appeals.Appeal;
import dev.onewindow.evaluation.appeals.AppealGround;
import dev.onewindow.evaluation.appeals.AppealService;
import dev.onewindow.evaluation.appeals.AppealStatus;
import dev.onewindow.evaluation.config.EvaluationProperties;
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

import static dev.onewindow.evaluation.Limits.ID;
import static dev.onewindow.evaluation.Limits.ID_LENGTH;
import static dev.onewindow.evaluation.Limits.MAX_PAGE;
import static dev.onewindow.evaluation.Limits.PAGE_SIZE;
import static dev.onewindow.evaluation.Limits.TEXT;

/** 申诉复核: departments appeal erroneous or malicious bad ratings; eval-admins decide. */
@RestController
@RequestMapping("/api/v1/evaluations/appeals")
@Tag(name = "Appeals", description = "申诉复核: a department appeals a bad rating as erroneous or malicious within 3 "
        + "working days; an eval-admin decides within 5. An upheld appeal takes the rating out of the statistics.")
class AppealController {

    private final AppealService appeals;
    private final EvaluationProperties properties;

    AppealController(AppealService appeals, EvaluationProperties properties) {
        this.appeals = appeals;
        this.properties = properties;
    }

    @Operation(summary = "Appeal a bad rating", description = "By a handler of the rated department, once per "
            + "rating, within the appeal window after the rating.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('dept-handler')")
    AppealResponse file(@Valid @RequestBody AppealRequest request, Caller caller) {
        return AppealResponse.of(appeals.file(request.ratingId(), request.ground(), request.reason(), caller));
    }

    @Operation(summary = "List pending appeals", description = "The appeals waiting for a decision, earliest due "
            + "first: the region's for eval-admins, all for auditors.")
    @GetMapping
    @PreAuthorize("hasAnyRole('eval-admin', 'auditor')")
    AppealPage pending(
            @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", maximum = "" + MAX_PAGE, defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Appeals per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + PAGE_SIZE, defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size, Caller caller) {
        Page<Appeal> found = appeals.pending(caller, Paging.of(page, size, properties.maxPageSize()));
        return new AppealPage(found.getContent().stream().map(AppealResponse::of).toList(), found.getNumber(),
                found.getSize(), found.getTotalElements());
    }

    @Operation(summary = "Read an appeal", description = "For the appealing department, eval-admins of its region "
            + "and auditors.")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('dept-handler', 'dept-admin', 'eval-admin', 'auditor')")
    AppealResponse get(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id, Caller caller) {
        return AppealResponse.of(appeals.get(id, caller));
    }

    @Operation(summary = "Decide an appeal (复核)", description = "By an eval-admin of the region. Upheld: the rating "
            + "is kept, marked excluded, its rectification withdrawn, and it no longer counts.")
    @PostMapping("/{id}/decision")
    @PreAuthorize("hasRole('eval-admin')")
    AppealResponse decide(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id,
            @Valid @RequestBody DecisionRequest request, Caller caller) {
        return AppealResponse.of(appeals.decide(id, request.upheld(), request.comment(), caller));
    }

    @Schema(description = "申诉")
    record AppealRequest(@NotBlank @Size(max = 36) @Pattern(regexp = ID) String ratingId,
            @NotNull AppealGround ground, @NotBlank @Size(max = TEXT) @MultiLineText String reason) {
    }

    @Schema(description = "复核")
    record DecisionRequest(@NotNull Boolean upheld, @Size(max = TEXT) @MultiLineText String comment) {
    }

    @Schema(description = "An appeal")
    record AppealResponse(
            @Schema(maxLength = 36, pattern = ID) String id,
            @Schema(maxLength = 36, pattern = ID) String ratingId,
            @Schema(maxLength = 36, pattern = ID) String rectificationId,
            @Schema(maxLength = 6) String region,
            @Schema(maxLength = 16) String department,
            AppealGround ground,
            @Schema(maxLength = 1000) String reason,
            AppealStatus status,
            @Schema(maxLength = 35) Instant filedAt,
            @Schema(maxLength = 35) Instant dueAt,
            @Schema(maxLength = 1000) String comment,
            @Schema(maxLength = 35) Instant decidedAt,
            boolean decidedOnTime) {

        static AppealResponse of(Appeal a) {
            return new AppealResponse(a.id(), a.ratingId(), a.rectificationId(), a.regionCode(), a.department(),
                    a.ground(), a.reason(), a.status(), a.filedAt(), a.dueAt(), a.comment(), a.decidedAt(),
                    a.decidedOnTime());
        }
    }

    @Schema(description = "A page of appeals")
    record AppealPage(
            @ArraySchema(maxItems = PAGE_SIZE) List<AppealResponse> items,
            @Schema(minimum = "0", maximum = "" + MAX_PAGE) int page,
            @Schema(minimum = "1", maximum = "" + PAGE_SIZE) int size,
            @Schema(minimum = "0", maximum = "1000000000") long total) {
    }
}
