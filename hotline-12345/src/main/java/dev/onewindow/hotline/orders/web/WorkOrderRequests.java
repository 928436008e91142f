package dev.onewindow.hotline.orders.web;

import java.util.List;

import dev.onewindow.hotline.orders.CallbackResult;
import dev.onewindow.hotline.orders.DemandType;
import dev.onewindow.hotline.orders.IntakeChannel;
import dev.onewindow.hotline.orders.Location;
import dev.onewindow.hotline.orders.Urgency;
import dev.onewindow.hotline.orders.WorkOrderService;
import dev.onewindow.platform.text.MultiLineText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import static dev.onewindow.hotline.Limits.ADDRESS;
import static dev.onewindow.hotline.Limits.CATEGORY;
import static dev.onewindow.hotline.Limits.DEPARTMENT;
import static dev.onewindow.hotline.Limits.HELPERS;
import static dev.onewindow.hotline.Limits.MOBILE;
import static dev.onewindow.hotline.Limits.NAME;
import static dev.onewindow.hotline.Limits.ORDER_NO;
import static dev.onewindow.hotline.Limits.REASON;
import static dev.onewindow.hotline.Limits.REGION;
import static dev.onewindow.hotline.Limits.TEXT;

/**
 * The request bodies of the work-order API (shape checks here; rules in the service and the aggregate). Every string
 * follows the platform's text policy; only the free texts marked {@link MultiLineText} take line breaks.
 */
final class WorkOrderRequests {

    private WorkOrderRequests() {
    }

    @Schema(description = "A call, message or report to register (受理).")
    record RegisterOrderRequest(
            @NotNull IntakeChannel channel,
            @NotNull @Valid CallerRequest caller,
            @NotNull DemandType demandType,
            @Schema(description = "A code of the category tree (GET /api/v1/hotline/categories)")
            @NotBlank @Size(max = 32) @Pattern(regexp = CATEGORY) String categoryCode,
            @NotBlank @Size(max = ADDRESS) String address,
            @Schema(description = "Region code (GB/T 2260) within the city") @NotBlank @Size(max = 6)
            @Pattern(regexp = REGION) String region,
            @Valid LocationRequest location,
            @NotNull Urgency urgency,
            @Schema(description = "What the caller said") @NotBlank @Size(max = TEXT) @MultiLineText String text) {

        WorkOrderService.Intake toIntake() {
            return new WorkOrderService.Intake(channel, caller.name(), caller.mobile(), caller.anonymous(),
                    caller.confidential(), demandType, categoryCode, address, region,
                    location == null ? null : new Location(location.lat(), location.lng()), urgency, text);
        }
    }

    @Schema(description = "Who called. Anonymous callers give neither name nor number.")
    record CallerRequest(@Size(max = NAME) String name,
            @Schema(description = "Mainland mobile number; stored encrypted, shown masked") @Size(max = 11)
            @Pattern(regexp = MOBILE) String mobile,
            boolean anonymous,
            @Schema(description = "保密: departments do not see who the caller is") boolean confidential) {
    }

    @Schema(description = "A point (WGS 84)")
    record LocationRequest(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lng) {
    }

    @Schema(description = "直接答复 from a knowledge-base entry")
    record AnswerRequest(@NotBlank @Size(max = 43) @Pattern(regexp = dev.onewindow.hotline.Limits.KNOWLEDGE_ID)
            String knowledgeEntryId) {
    }

    @Schema(description = "派单. Without a lead the dispatch rules (or the 兜底 government) decide.")
    record DispatchRequest(@Size(max = 16) @Pattern(regexp = DEPARTMENT) String lead,
            @Size(max = HELPERS) List<@NotBlank @Size(max = 16) @Pattern(regexp = DEPARTMENT) String> helpers) {
    }

    @Schema(description = "退单 with the reason")
    record ReturnRequest(@NotBlank @Size(max = REASON) @MultiLineText String reason) {
    }

    @Schema(description = "答复")
    record ReplyRequest(@NotBlank @Size(max = TEXT) @MultiLineText String reply) {
    }

    @Schema(description = "延期申请, in the unit of the reply deadline (hours or working days)")
    record ExtensionRequest(@Min(1) @Max(30) int amount,
            @NotBlank @Size(max = REASON) @MultiLineText String reason) {
    }

    @Schema(description = "The dispatcher's decision on a pending extension request")
    record ExtensionDecisionRequest(@NotNull Boolean approve, @Size(max = REASON) @MultiLineText String comment) {
    }

    @Schema(description = "回访")
    record CallbackRequest(@NotNull CallbackResult result, @Size(max = REASON) @MultiLineText String comment) {
    }

    @Schema(description = "合并 into an open order")
    record MergeRequest(@Schema(description = "The order number of the open order") @NotBlank @Size(max = 19)
            @Pattern(regexp = ORDER_NO) String into) {
    }
}
