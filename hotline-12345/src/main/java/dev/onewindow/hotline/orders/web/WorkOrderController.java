package dev.onewindow.hotline.orders.web;

import java.time.Instant;
import java.util.List;

import dev.onewindow.hotline.config.HotlineProperties;
import dev.onewindow.hotline.orders.WorkOrderService;
import dev.onewindow.hotline.orders.WorkOrderStatus;
import dev.onewindow.hotline.orders.web.WorkOrderRequests.AnswerRequest;
import dev.onewindow.hotline.orders.web.WorkOrderRequests.CallbackRequest;
import dev.onewindow.hotline.orders.web.WorkOrderRequests.DispatchRequest;
import dev.onewindow.hotline.orders.web.WorkOrderRequests.ExtensionDecisionRequest;
import dev.onewindow.hotline.orders.web.WorkOrderRequests.ExtensionRequest;
import dev.onewindow.hotline.orders.web.WorkOrderRequests.MergeRequest;
import dev.onewindow.hotline.orders.web.WorkOrderRequests.RegisterOrderRequest;
import dev.onewindow.hotline.orders.web.WorkOrderRequests.ReplyRequest;
import dev.onewindow.hotline.orders.web.WorkOrderRequests.ReturnRequest;
import dev.onewindow.hotline.orders.web.WorkOrderResponses.DepartmentReturnsResponse;
import dev.onewindow.hotline.orders.web.WorkOrderResponses.HistoryListResponse;
import dev.onewindow.hotline.orders.web.WorkOrderResponses.HistoryResponse;
import dev.onewindow.hotline.orders.web.WorkOrderResponses.PageResponse;
import dev.onewindow.hotline.orders.web.WorkOrderResponses.WorkOrderResponse;
import dev.onewindow.platform.calendar.ClockLevel;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.PageRequest;
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

import static dev.onewindow.hotline.Limits.ID_LENGTH;
import static dev.onewindow.hotline.Limits.MAX_PAGE;
import static dev.onewindow.hotline.Limits.PAGE_SIZE;

/**
 * The work-order API (工单). Roles are checked here ({@code @PreAuthorize}); region, department and ownership scoping,
 * and each transition's rules, in the service and the aggregate. Each command answers the order as read now.
 */
@RestController
@RequestMapping("/api/v1/hotline")
@Tag(name = "Work orders", description = "12345 work orders (工单) from every channel, handled through the closed "
        + "loop 受理 → 派单 → 签收 → 办理 → 答复 → 回访 → 办结 on the clock.")
class WorkOrderController {

    private final WorkOrderService orders;
    private final HotlineProperties properties;

    WorkOrderController(WorkOrderService orders, HotlineProperties properties) {
        this.orders = orders;
        this.properties = properties;
    }

    // ------------------------------------------------------------------------------------------------ intake

    @Operation(summary = "Register a work order (受理)", description = """
            Agents register calls and messages from every channel; a signed-in citizen files from the web, app, \
            mini-program or WeChat as herself; a partner system with `PARTNER_API`. The mobile number is stored \
            encrypted and shown masked; anonymous callers give none. Open orders of the same category nearby in the \
            last 24 hours are listed in `duplicateOf` for the dispatcher to merge. Nothing is stored when refused.""")
    @PostMapping("/orders")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('hotline-agent', 'citizen', 'enterprise', 'partner')")
    WorkOrderResponse register(@Valid @RequestBody RegisterOrderRequest request, Caller caller) {
        return WorkOrderResponse.of(orders.register(request.toIntake(), caller));
    }

    // ------------------------------------------------------------------------------------------------ read

    @Operation(summary = "List a worklist", description = """
            Hotline agents and dispatchers: the orders of their region; department staff: the orders their \
            department has a part in. Without `status`, the orders not yet ended; most urgent (earliest due) first.""")
    @GetMapping("/orders")
    @PreAuthorize("hasAnyRole('hotline-agent', 'hotline-dispatcher', 'dept-handler', 'dept-admin')")
    PageResponse<WorkOrderResponse> worklist(@RequestParam(required = false) WorkOrderStatus status,
            @Parameter(description = "The deadline level (红黄绿灯)") @RequestParam(required = false) ClockLevel level,
            @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", maximum = "" + MAX_PAGE, defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Orders per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + PAGE_SIZE, defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size, Caller caller) {
        return PageResponse.of(orders.worklist(caller, status, level, page(page, size)).map(WorkOrderResponse::of));
    }

    @Operation(summary = "List my own orders", description = "The orders the signed-in caller filed, newest first.")
    @GetMapping("/orders/mine")
    @PreAuthorize("hasAnyRole('citizen', 'enterprise')")
    PageResponse<WorkOrderResponse> mine(
            @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", maximum = "" + MAX_PAGE, defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Orders per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + PAGE_SIZE, defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size, Caller caller) {
        return PageResponse.of(orders.mine(caller, page(page, size)).map(WorkOrderResponse::of));
    }

    @Operation(summary = "Read a work order", description = """
            For the hotline staff of its region, the staff of a department with a part in it, supervisors of its \
            region, auditors, and the caller who filed it. Departments never see the caller of a confidential \
            order; everyone else sees the caller masked.""")
    @GetMapping("/orders/{id}")
    @PreAuthorize("isAuthenticated()")
    WorkOrderResponse get(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = dev.onewindow.hotline.Limits.ID) String id,
            Caller caller) {
        return WorkOrderResponse.of(orders.get(id, caller));
    }

    @Operation(summary = "Read a work order caller's number (for evaluation)", description = """
            For the service that has a bad rater called back only: a client-credentials token whose `azp` is one of \
            `onewindow.hotline.trusted-contact-readers` (evaluation's service account, `evaluation`). Answers the \
            caller's mobile number in clear; null when the caller left none, or asked for confidentiality (保密: \
            `confidential` true, the number stays with the hotline). For anyone else 404, as for an order that does \
            not exist. Every read is logged (order and client, never the number).""",
            extensions = @io.swagger.v3.oas.annotations.extensions.Extension(name = "x-trusted-clients",
                    properties = @io.swagger.v3.oas.annotations.extensions.ExtensionProperty(name = "azp",
                            value = "onewindow.hotline.trusted-contact-readers (default: evaluation)")))
    @GetMapping("/orders/{id}/caller-contact")
    @PreAuthorize("isAuthenticated()")
    CallerContactResponse callerContact(@PathVariable @Size(max = ID_LENGTH)
            @Pattern(regexp = dev.onewindow.hotline.Limits.ID) String id, Caller caller) {
        WorkOrderService.CallerContact contact = orders.callerContact(id, caller);
        return new CallerContactResponse(contact.orderId(), contact.mobile(), contact.confidential());
    }

    @Schema(description = "A work order caller's number for the service that "
            + "has a bad rater called back")
    record CallerContactResponse(
            @Schema(maxLength = ID_LENGTH) String orderId,
            @Schema(maxLength = 11, pattern = "^1[3-9][0-9]{9}$",
                    description = "in clear; null when withheld or none was given") String mobile,
            @Schema(description = "the caller asked for confidentiality (保密): "
                    + "the number is withheld") boolean confidential) {
    }

    @Operation(summary = "Read a work order's history", description = "Every step: who, when, from which state to "
            + "which, for which department, and why. For whoever may read the order.")
    @GetMapping("/orders/{id}/history")
    @PreAuthorize("isAuthenticated()")
    HistoryListResponse history(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = dev.onewindow.hotline.Limits.ID)
            String id, Caller caller) {
        return new HistoryListResponse(orders.get(id, caller).order().history().stream().map(HistoryResponse::of)
                .toList());
    }

    @Operation(summary = "Count returns per department (退单统计)", description = "How many times each department "
            + "returned orders registered in [from, to), in the caller's region (auditors: everywhere).")
    @ApiResponse(responseCode = "200", description = "Departments, most returns first", content = @Content(
            array = @ArraySchema(maxItems = 1000, schema = @Schema(implementation = DepartmentReturnsResponse.class))))
    @GetMapping("/statistics/returns")
    @PreAuthorize("hasAnyRole('hotline-dispatcher', 'supervisor', 'auditor')")
    List<DepartmentReturnsResponse> returns(
            @Parameter(schema = @Schema(type = "string", format = "date-time", maxLength = 35)) @RequestParam Instant from,
            @Parameter(schema = @Schema(type = "string", format = "date-time", maxLength = 35)) @RequestParam Instant to, Caller caller) {
        return orders.returnsPerDepartment(caller, from, to).stream()
                .map(r -> new DepartmentReturnsResponse(r.department(), r.returns())).toList();
    }

    // ------------------------------------------------------------------------------------------------ hotline

    @Operation(summary = "Answer from the knowledge base (直接答复)", description = "A consultation answered by the "
            + "agent from an entry valid today; the order ends and the entry's use is counted.")
    @PostMapping("/orders/{id}/answer")
    @PreAuthorize("hasRole('hotline-agent')")
    WorkOrderResponse answer(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = dev.onewindow.hotline.Limits.ID)
            String id, @Valid @RequestBody AnswerRequest request, Caller caller) {
        return WorkOrderResponse.of(orders.answer(id, request.knowledgeEntryId(), caller));
    }

    @Operation(summary = "Dispatch (派单) or re-dispatch", description = """
            To the lead department (主办) and helpers (协办) the dispatch rules name for the category and region, or \
            the government of the region (兜底) when none does — or to the departments named here. Sign and reply \
            clocks start.""")
    @PostMapping("/orders/{id}/dispatch")
    @PreAuthorize("hasRole('hotline-dispatcher')")
    WorkOrderResponse dispatch(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = dev.onewindow.hotline.Limits.ID)
            String id, @Valid @RequestBody DispatchRequest request, Caller caller) {
        return WorkOrderResponse.of(orders.dispatch(id, request.lead(), request.helpers(), caller));
    }

    @Operation(summary = "Decide an extension request (延期审批)")
    @PostMapping("/orders/{id}/extension-requests/decision")
    @PreAuthorize("hasRole('hotline-dispatcher')")
    WorkOrderResponse decideExtension(@PathVariable @Size(max = ID_LENGTH)
            @Pattern(regexp = dev.onewindow.hotline.Limits.ID) String id,
            @Valid @RequestBody ExtensionDecisionRequest request, Caller caller) {
        return WorkOrderResponse.of(orders.decideExtension(id, request.approve(), request.comment(), caller));
    }

    @Operation(summary = "Merge into an open order (合并)", description = "A registered order joins an open one of "
            + "the same matter, which is handled for both; the reply reaches this caller too.")
    @PostMapping("/orders/{id}/merge")
    @PreAuthorize("hasRole('hotline-dispatcher')")
    WorkOrderResponse merge(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = dev.onewindow.hotline.Limits.ID)
            String id, @Valid @RequestBody MergeRequest request, Caller caller) {
        return WorkOrderResponse.of(orders.merge(id, request.into(), caller));
    }

    @Operation(summary = "Record the callback (回访)", description = "Satisfied or basically satisfied: the order "
            + "waits to be closed. Unsatisfied: reopened (重办) on a new reply deadline; the second unsatisfied "
            + "callback also sends it to supervision.")
    @PostMapping("/orders/{id}/callback")
    @PreAuthorize("hasRole('hotline-agent')")
    WorkOrderResponse callback(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = dev.onewindow.hotline.Limits.ID)
            String id, @Valid @RequestBody CallbackRequest request, Caller caller) {
        return WorkOrderResponse.of(orders.callback(id, request.result(), request.comment(), caller));
    }

    @Operation(summary = "Close the order (办结)", description = "After a satisfied or basically satisfied callback.")
    @PostMapping("/orders/{id}/close")
    @PreAuthorize("hasAnyRole('hotline-agent', 'hotline-dispatcher')")
    WorkOrderResponse close(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = dev.onewindow.hotline.Limits.ID)
            String id, Caller caller) {
        return WorkOrderResponse.of(orders.close(id, caller));
    }

    // ------------------------------------------------------------------------------------------------ department

    @Operation(summary = "Sign for the order (签收)", description = "For the caller's department's part: the lead's "
            + "signature moves the order to SIGNED.")
    @PostMapping("/orders/{id}/sign")
    @PreAuthorize("hasRole('dept-handler')")
    WorkOrderResponse sign(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = dev.onewindow.hotline.Limits.ID)
            String id, Caller caller) {
        return WorkOrderResponse.of(orders.sign(id, caller));
    }

    @Operation(summary = "Return the order (退单)", description = "Not this department's matter, with the reason. "
            + "The lead's return sends the order back to the dispatcher; every return is counted.")
    @PostMapping("/orders/{id}/return")
    @PreAuthorize("hasRole('dept-handler')")
    WorkOrderResponse returnOrder(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = dev.onewindow.hotline.Limits.ID)
            String id, @Valid @RequestBody ReturnRequest request, Caller caller) {
        return WorkOrderResponse.of(orders.returnOrder(id, request.reason(), caller));
    }

    @Operation(summary = "Start handling (办理)")
    @PostMapping("/orders/{id}/start")
    @PreAuthorize("hasRole('dept-handler')")
    WorkOrderResponse start(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = dev.onewindow.hotline.Limits.ID)
            String id, Caller caller) {
        return WorkOrderResponse.of(orders.start(id, caller));
    }

    @Operation(summary = "Request an extension (延期申请)", description = "By the lead department, in the unit of "
            + "the reply deadline; the dispatcher decides.")
    @PostMapping("/orders/{id}/extension-requests")
    @PreAuthorize("hasRole('dept-handler')")
    WorkOrderResponse requestExtension(@PathVariable @Size(max = ID_LENGTH)
            @Pattern(regexp = dev.onewindow.hotline.Limits.ID) String id,
            @Valid @RequestBody ExtensionRequest request, Caller caller) {
        return WorkOrderResponse.of(orders.requestExtension(id, request.amount(), request.reason(), caller));
    }

    @Operation(summary = "Reply (答复)", description = "A helper's reply is its part; the lead's is the order's, and "
            + "the callback clock starts.")
    @PostMapping("/orders/{id}/reply")
    @PreAuthorize("hasRole('dept-handler')")
    WorkOrderResponse reply(@PathVariable @Size(max = ID_LENGTH) @Pattern(regexp = dev.onewindow.hotline.Limits.ID)
            String id, @Valid @RequestBody ReplyRequest request, Caller caller) {
        return WorkOrderResponse.of(orders.reply(id, request.reply(), caller));
    }

    private PageRequest page(int page, int size) {
        return Paging.of(page, size, properties.maxPageSize());
    }
}
