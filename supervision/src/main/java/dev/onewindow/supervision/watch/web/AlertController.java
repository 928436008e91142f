package dev.onewindow.supervision.watch.web;

import java.time.Instant;
import java.util.List;

import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.web.Paging;
import dev.onewindow.supervision.Source;
import dev.onewindow.supervision.config.SupervisionProperties;
import dev.onewindow.supervision.watch.Alert;
import dev.onewindow.supervision.watch.AlertKind;
import dev.onewindow.supervision.watch.AlertService;
import dev.onewindow.supervision.watch.AlertStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static dev.onewindow.supervision.Limits.ID;
import static dev.onewindow.supervision.Limits.ID_LENGTH;
import static dev.onewindow.supervision.Limits.MAX_PAGE;
import static dev.onewindow.supervision.Limits.PAGE_SIZE;
import static dev.onewindow.supervision.Limits.SUBJECT_ID;

/** The watch's alerts (电子监察预警): for supervisors of the region and auditors. */
@RestController
@RequestMapping("/api/v1/supervision/alerts")
@Tag(name = "Alerts", description = "电子监察: YELLOW and RED alerts of every clock supervision recounts, and the "
        + "flags (repeated returns, unsatisfied callbacks, bad ratings, escalations).")
class AlertController {

    private final AlertService alerts;
    private final SupervisionProperties properties;

    AlertController(AlertService alerts, SupervisionProperties properties) {
        this.alerts = alerts;
        this.properties = properties;
    }

    @Operation(summary = "List alerts", description = "The newest first: the region's for supervisors, all for "
            + "auditors.")
    @GetMapping
    @PreAuthorize("hasAnyRole('supervisor', 'auditor')")
    AlertPage list(
            @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", maximum = "" + MAX_PAGE, defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Alerts per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + PAGE_SIZE, defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "Only those about this matter (a case, work order, rectification, share request "
                    + "or objection id)", schema = @Schema(maxLength = 64, pattern = SUBJECT_ID))
            @RequestParam(required = false) @Size(max = 64) @Pattern(regexp = SUBJECT_ID) String subjectId,
            Caller caller) {
        Page<Alert> found = alerts.list(caller, subjectId, Paging.of(page, size, properties.maxPageSize()));
        return new AlertPage(found.getContent().stream().map(AlertController::response).toList(),
                found.getNumber(), found.getSize(), found.getTotalElements());
    }

    @Operation(summary = "Read an alert", description = "For supervisors of its region and auditors.")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('supervisor', 'auditor')")
    AlertResponse get(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id, Caller caller) {
        return response(alerts.get(id, caller));
    }

    static AlertResponse response(Alert a) {
        return new AlertResponse(a.id(), a.kind(), a.kind().level().name(), a.source(), a.subjectId(),
                a.subjectNo(), a.phase(), a.round(), a.regionCode(), a.department(), a.dueAt(), a.raisedAt(),
                a.status(), a.clearedAt());
    }

    @Schema(description = "An alert of the watch")
    record AlertResponse(
            @Schema(maxLength = 36, pattern = ID) String id,
            AlertKind kind,
            @Schema(maxLength = 6, allowableValues = {"YELLOW", "RED"}) String level,
            Source source,
            @Schema(maxLength = 64) String subjectId,
            @Schema(maxLength = 40) String subjectNo,
            @Schema(maxLength = 16, description = "the clock's phase; null for a flag") String phase,
            @Schema(minimum = "0", maximum = "1000") int round,
            @Schema(maxLength = 6) String region,
            @Schema(maxLength = 16) String department,
            @Schema(maxLength = 35) Instant dueAt,
            @Schema(maxLength = 35) Instant raisedAt,
            AlertStatus status,
            @Schema(maxLength = 35) Instant clearedAt) {
    }

    @Schema(description = "A page of alerts")
    record AlertPage(
            @ArraySchema(maxItems = PAGE_SIZE) List<AlertResponse> items,
            @Schema(minimum = "0", maximum = "" + MAX_PAGE) int page,
            @Schema(minimum = "1", maximum = "" + PAGE_SIZE) int size,
            @Schema(minimum = "0", maximum = "1000000000") long total) {
    }
}
