package dev.onewindow.hotline.orders;

import java.util.List;

/**
 * What every work-order event carries (docs/service-contracts.md): the order, where it is, who handles it and the
 * deadline it is on — never the caller's number or name. {@code callerRef} is a keyed hash of the caller's number
 * and {@code callerSubject} the signed-in citizen, so evaluation can invite the caller without knowing who it is.
 * Unwrapped into each event's {@code data}.
 */
public record WorkOrderFacts(String orderId, String orderNo, WorkOrderStatus status, IntakeChannel channel,
        DemandType demandType, String categoryCode, List<String> categoryPath, String region, Urgency urgency,
        String leadDepartment, List<String> helperDepartments, boolean confidential, boolean anonymous,
        String callerRef, String callerSubject, int returnCount, int reopenCount, String mergedInto,
        Deadline deadline) {
}
