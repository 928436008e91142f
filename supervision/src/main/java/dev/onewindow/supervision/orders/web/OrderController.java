package dev.onewindow.supervision.orders.web;

import java.time.Instant;
import java.util.List;

import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.text.MultiLineText;
import dev.onewindow.platform.web.Paging;
import dev.onewindow.supervision.Source;
import dev.onewindow.supervision.config.SupervisionProperties;
import dev.onewindow.supervision.orders.OrderService;
import dev.onewindow.supervision.orders.OrderStatus;
import dev.onewindow.supervision.orders.Severity;
import dev.onewindow.supervision.orders.SupervisionOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import static dev.onewindow.supervision.Limits.DEPARTMENT;
import static dev.onewindow.supervision.Limits.ID;
import static dev.onewindow.supervision.Limits.ID_LENGTH;
import static dev.onewindow.supervision.Limits.MAX_PAGE;
import static dev.onewindow.supervision.Limits.PAGE_SIZE;
import static dev.onewindow.supervision.Limits.REGION;
import static dev.onewindow.supervision.Limits.SUBJECT_ID;
import static dev.onewindow.supervision.Limits.SUBJECT_NO;
import static dev.onewindow.supervision.Limits.TEXT;

/**
 * 督办单: opened by RED alerts and by supervisors, replied by the department, closed or escalated by supervisors.
 * Every change names the version the caller read; another change in between is 409.
 */
@RestController
@RequestMapping("/api/v1/supervision/orders")
@Tag(name = "Supervision orders", description = "督办单: addressed to a department with a reply deadline (2 working "
        + "days by default); severity BLUE → ORANGE → RED while unanswered, escalated or repeated.")
class OrderController {

    private final OrderService orders;
    private final SupervisionProperties properties;

    OrderController(OrderService orders, SupervisionProperties properties) {
        this.orders = orders;
        this.properties = properties;
    }

    @Operation(summary = "List supervision orders", description = "The newest first: the department's own for its "
            + "handlers and admins, the region's for supervisors, all for auditors.")
    @GetMapping
    @PreAuthorize("hasAnyRole('dept-handler', 'dept-admin', 'supervisor', 'auditor')")
    OrderPage list(
            @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", maximum = "" + MAX_PAGE, defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Orders per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + PAGE_SIZE, defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "Only those about this matter (a case, work order, rectification, share request "
                    + "or objection id)", schema = @Schema(maxLength = 64, pattern = SUBJECT_ID))
            @RequestParam(required = false) @Size(max = 64) @Pattern(regexp = SUBJECT_ID) String subjectId,
            Caller caller) {
        Page<SupervisionOrder> found = orders.list(caller, subjectId, Paging.of(page, size, properties.maxPageSize()));
        return new OrderPage(found.getContent().stream().map(this::response).toList(), found.getNumber(),
                found.getSize(), found.getTotalElements());
    }

    @Operation(summary = "Read a supervision order", description = "For the addressed department's staff, "
            + "supervisors of its region and auditors; 404 for anyone else.")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('dept-handler', 'dept-admin', 'supervisor', 'auditor')")
    OrderResponse get(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id, Caller caller) {
        return response(orders.get(id, caller));
    }

    @Operation(summary = "Open a supervision order", description = "By a supervisor, about a matter of the region.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('supervisor')")
    OrderResponse open(@Valid @RequestBody OpenOrderRequest request, Caller caller) {
        return response(orders.open(new SupervisionOrder.Matter(request.source(), request.subjectId(),
                request.subjectNo(), request.region(), request.department()), request.reason(), caller));
    }

    @Operation(summary = "Reply (督办回复)", description = "By a handler or admin of the addressed department, while "
            + "the order is open.")
    @PostMapping("/{id}/reply")
    @PreAuthorize("hasAnyRole('dept-handler', 'dept-admin')")
    OrderResponse reply(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id,
            @Valid @RequestBody ReplyRequest request, Caller caller) {
        return response(orders.reply(id, request.version(), request.text(), caller));
    }

    @Operation(summary = "Close", description = "By a supervisor of the region, once the department replied.")
    @PostMapping("/{id}/close")
    @PreAuthorize("hasRole('supervisor')")
    OrderResponse close(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id,
            @Valid @RequestBody CloseRequest request, Caller caller) {
        return response(orders.close(id, request.version(), request.note(), caller));
    }

    @Operation(summary = "Escalate", description = "By a supervisor of the region: one severity up and a fresh reply "
            + "deadline; 409 ALREADY_RED at the top.")
    @PostMapping("/{id}/escalate")
    @PreAuthorize("hasRole('supervisor')")
    OrderResponse escalate(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = ID) String id,
            @Valid @RequestBody EscalateRequest request, Caller caller) {
        return response(orders.escalate(id, request.version(), caller));
    }

    private OrderResponse response(SupervisionOrder o) {
        List<ReplyResponse> replies = o.replies().stream()
                .map(r -> new ReplyResponse(r.text(), r.at(), r.onTime())).toList();
        return new OrderResponse(o.id(), o.version() == null ? 0 : o.version(), o.alertId(), o.alertKind(),
                o.source(), o.subjectId(), o.subjectNo(), o.regionCode(), o.department(), o.reason(), o.automatic(),
                o.repeated(), o.severity(), o.status(), o.openedAt(), o.replyDueAt(), orders.overdue(o),
                o.escalations(), replies, o.closingNote(), o.closedAt());
    }

    @Schema(description = "A supervision order (督办单)")
    record OrderResponse(
            @Schema(maxLength = 36, pattern = ID) String id,
            @Schema(minimum = "0", maximum = "1000000", description = "send it back with a change") long version,
            @Schema(maxLength = 36, description = "the RED alert that opened it; null when opened by hand") String alertId,
            @Schema(maxLength = 32) String alertKind,
            Source source,
            @Schema(maxLength = 64) String subjectId,
            @Schema(maxLength = 40) String subjectNo,
            @Schema(maxLength = 6) String region,
            @Schema(maxLength = 16) String department,
            @Schema(maxLength = 1000) String reason,
            boolean automatic,
            boolean repeated,
            Severity severity,
            OrderStatus status,
            @Schema(maxLength = 35) Instant openedAt,
            @Schema(maxLength = 35) Instant replyDueAt,
            boolean overdue,
            @Schema(minimum = "0", maximum = "1000") int escalations,
            @ArraySchema(maxItems = 100) List<ReplyResponse> replies,
            @Schema(maxLength = 1000) String closingNote,
            @Schema(maxLength = 35) Instant closedAt) {
    }

    @Schema(description = "The department's reply")
    record ReplyResponse(@Schema(maxLength = 1000) String text, @Schema(maxLength = 35) Instant at, boolean onTime) {
    }

    @Schema(description = "A page of supervision orders")
    record OrderPage(
            @ArraySchema(maxItems = PAGE_SIZE) List<OrderResponse> items,
            @Schema(minimum = "0", maximum = "" + MAX_PAGE) int page,
            @Schema(minimum = "1", maximum = "" + PAGE_SIZE) int size,
            @Schema(minimum = "0", maximum = "1000000000") long total) {
    }

    @Schema(description = "A supervision order opened by hand")
    record OpenOrderRequest(
            @NotNull Source source,
            @NotBlank @Size(max = 64) @Pattern(regexp = SUBJECT_ID) String subjectId,
            @Size(max = 40) @Pattern(regexp = SUBJECT_NO) String subjectNo,
            @NotBlank @Size(max = 6) @Pattern(regexp = REGION) String region,
            @NotBlank @Size(max = 16) @Pattern(regexp = DEPARTMENT) String department,
            @NotBlank @Size(max = TEXT) @MultiLineText String reason) {
    }

    @Schema(description = "督办回复")
    record ReplyRequest(@NotNull @Min(0) @Max(1_000_000) Long version,
            @NotBlank @Size(max = TEXT) @MultiLineText String text) {
    }

    @Schema(description = "Closing an order")
    record CloseRequest(@NotNull @Min(0) @Max(1_000_000) Long version, @Size(max = TEXT) @MultiLineText String note) {
    }

    @Schema(description = "Escalating an order")
    record EscalateRequest(@NotNull @Min(0) @Max(1_000_000) Long version) {
    }
}
