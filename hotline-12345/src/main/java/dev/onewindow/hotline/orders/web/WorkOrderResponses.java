package dev.onewindow.hotline.orders.web;

import java.time.Instant;
import java.util.List;

import dev.onewindow.hotline.orders.Assignment;
import dev.onewindow.hotline.orders.CallbackResult;
import dev.onewindow.hotline.orders.Deadline;
import dev.onewindow.hotline.orders.DemandType;
import dev.onewindow.hotline.orders.HistoryEntry;
import dev.onewindow.hotline.orders.IntakeChannel;
import dev.onewindow.hotline.orders.Urgency;
import dev.onewindow.hotline.orders.WorkOrder;
import dev.onewindow.hotline.orders.WorkOrderStatus;
import dev.onewindow.hotline.orders.WorkOrderView;
import dev.onewindow.platform.calendar.ClockLevel;
import dev.onewindow.platform.personal.Masking;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.domain.Page;

import static dev.onewindow.hotline.Limits.HISTORY;
import static dev.onewindow.hotline.Limits.MAX_PAGE;
import static dev.onewindow.hotline.Limits.PAGE_SIZE;

/** What the work-order API answers: records of the web layer, never the stored documents. */
final class WorkOrderResponses {

    private WorkOrderResponses() {
    }

    @Schema(description = "A work order (工单) as the caller may see it")
    record WorkOrderResponse(
            @Schema(maxLength = 36, pattern = dev.onewindow.hotline.Limits.ID) String id,
            @Schema(maxLength = 19, pattern = dev.onewindow.hotline.Limits.ORDER_NO) String orderNo,
            WorkOrderStatus status, IntakeChannel channel, DemandType demandType,
            @Schema(maxLength = 32) String categoryCode,
            @ArraySchema(maxItems = 8, schema = @Schema(maxLength = 32)) List<String> categoryPath,
            @Schema(maxLength = 200) String address,
            @Schema(maxLength = 6, pattern = dev.onewindow.hotline.Limits.REGION) String region,
            Double lat, Double lng, Urgency urgency,
            @Schema(maxLength = 2000) String text,
            @Schema(description = "Who called; null when the caller may not be shown to you (保密)") CallerResponse caller,
            boolean confidential,
            @Schema(maxLength = 35) Instant registeredAt,
            @Schema(maxLength = 16) String leadDepartment,
            @ArraySchema(maxItems = 5, schema = @Schema(maxLength = 16)) List<String> helperDepartments,
            @ArraySchema(maxItems = 6) List<AssignmentResponse> assignments,
            @Schema(description = "The deadline the order is on now; null when nothing is due") DeadlineResponse deadline,
            @Schema(minimum = "0", maximum = "1000") int returnCount,
            @Schema(minimum = "0", maximum = "1000") int reopenCount,
            boolean escalated,
            PendingExtensionResponse pendingExtension,
            @Schema(maxLength = 2000) String reply,
            @Schema(maxLength = 16) String replyDepartment,
            @Schema(maxLength = 35) Instant repliedAt,
            @Schema(maxLength = 43) String knowledgeEntryId,
            CallbackResult lastCallback,
            @Schema(maxLength = 19) String mergedInto,
            @ArraySchema(maxItems = 10, schema = @Schema(maxLength = 19)) List<String> duplicateOf,
            @Schema(maxLength = 35) Instant closedAt,
            @Schema(maxLength = 35) Instant updatedAt) {

        static WorkOrderResponse of(WorkOrderView view) {
            WorkOrder o = view.order();
            return new WorkOrderResponse(o.id(), o.orderNo(), o.status(), o.channel(), o.demandType(),
                    o.categoryCode(), o.categoryPath(), o.address(), o.regionCode(),
                    o.location() == null ? null : o.location().lat(), o.location() == null ? null : o.location().lng(),
                    // a reader who may not know the caller does not read the numbers the caller said either
                    o.urgency(), view.callerShown() ? o.text() : Masking.inText(o.text()),
                    view.callerShown() ? new CallerResponse(o.caller().anonymous(), o.caller().name(),
                            o.caller().mobileMasked()) : null,
                    o.caller().confidential(), o.registeredAt(),
                    o.lead().map(Assignment::department).orElse(null), o.helperDepartments(),
                    o.assignments().stream().map(AssignmentResponse::of).toList(),
                    view.deadline().map(DeadlineResponse::of).orElse(null), o.returns().size(), o.reopenCount(),
                    o.escalated(),
                    o.extensionRequest() == null ? null : new PendingExtensionResponse(o.extensionRequest().amount(),
                            o.extensionRequest().reason(), o.extensionRequest().at()),
                    o.reply(), o.replyDepartment(), o.repliedAt(), o.knowledgeEntryId(),
                    o.callbacks().isEmpty() ? null : o.callbacks().get(o.callbacks().size() - 1).result(),
                    o.mergedIntoNo(), o.duplicateOf(), o.closedAt(), o.updatedAt());
        }
    }

    @Schema(description = "The caller, masked")
    record CallerResponse(boolean anonymous, @Schema(maxLength = 50) String name,
            @Schema(maxLength = 11, description = "e.g. 138****5678") String mobile) {
    }

    record AssignmentResponse(@Schema(maxLength = 16) String department, Assignment.Role role,
            Assignment.State state, @Schema(maxLength = 35) Instant signedAt, @Schema(maxLength = 35) Instant repliedAt, @Schema(maxLength = 2000) String reply) {

        static AssignmentResponse of(Assignment a) {
            return new AssignmentResponse(a.department(), a.role(), a.state(), a.signedAt(), a.repliedAt(),
                    a.reply());
        }
    }

    @Schema(description = "What is due, when, and how it stands (红黄绿灯)")
    record DeadlineResponse(Deadline.Phase phase, @Schema(maxLength = 35) Instant startedAt,
            @Schema(minimum = "0", maximum = "10000") int limit,
            @Schema(description = "WORKING_DAYS, HOURS or MINUTES", maxLength = 12) String unit,
            @Schema(minimum = "0", maximum = "100") int extensions,
            @Schema(maxLength = 35) Instant dueAt, ClockLevel level,
            @Schema(description = "Counted time left, negative when overdue (ISO-8601 duration)", maxLength = 32)
            String remaining) {

        static DeadlineResponse of(Deadline d) {
            return new DeadlineResponse(d.phase(), d.startedAt(), d.limit(), d.unit(), d.extensions().size(),
                    d.dueAt(), d.level(), d.remaining().toString());
        }
    }

    record PendingExtensionResponse(@Schema(minimum = "1", maximum = "30") int amount, @Schema(maxLength = 500) String reason,
            @Schema(maxLength = 35) Instant requestedAt) {
    }

    record HistoryResponse(@Schema(maxLength = 35) Instant at, @Schema(maxLength = 64) String actor, @Schema(maxLength = 32) String role,
            @Schema(maxLength = 32) String action, WorkOrderStatus from, WorkOrderStatus to,
            @Schema(maxLength = 16) String department, @Schema(maxLength = 2000) String comment) {

        static HistoryResponse of(HistoryEntry h) {
            return new HistoryResponse(h.at(), h.actorName(), h.actorRole(), h.action(), h.from(), h.to(),
                    h.department(), h.comment());
        }
    }

    record HistoryListResponse(@ArraySchema(maxItems = HISTORY) List<HistoryResponse> history) {
    }

    record DepartmentReturnsResponse(@Schema(maxLength = 16) String department,
            @Schema(minimum = "0", maximum = "9223372036854775807") long returns) {
    }

    record PageResponse<T>(
            @ArraySchema(maxItems = PAGE_SIZE) List<T> content,
            @Schema(minimum = "0", maximum = "" + MAX_PAGE) int page,
            @Schema(minimum = "1", maximum = "" + PAGE_SIZE) int size,
            @Schema(minimum = "0", maximum = "9223372036854775807") long totalElements,
            @Schema(minimum = "0", maximum = "2147483647") int totalPages) {

        static <T> PageResponse<T> of(Page<T> page) {
            return new PageResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                    page.getTotalPages());
        }
    }
}
