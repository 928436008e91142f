package dev.onewindow.hotline.orders;

import java.util.Set;

/** Where a work order (工单) is in the closed loop of 接诉即办 (docs/domain.md, hotline-12345). */
public enum WorkOrderStatus {
    /** 受理: taken by an agent or filed online, not yet dispatched. */
    REGISTERED,
    /** 直接答复: a consultation answered by the agent from the knowledge base; ends the order. */
    ANSWERED,
    /** 派单: sent to a lead department (and helpers), waiting for the lead to sign. */
    DISPATCHED,
    /** 签收 by the lead department. */
    SIGNED,
    /** 退单 by the lead department (wrong owner); the dispatcher re-dispatches. */
    RETURNED,
    /** 办理 under way. */
    IN_PROGRESS,
    /** 答复 by the lead department; the hotline calls the caller back. */
    REPLIED,
    /** 回访 done, satisfied or basically satisfied; waiting to be closed. */
    CALLBACK,
    /** 办结. */
    CLOSED,
    /** 重办 after an unsatisfied callback, on a new reply deadline. */
    REOPENED,
    /** 合并 into another open order, which is handled for both; the reply reaches this caller too. */
    MERGED;

    /** States in which the order still needs someone's action (duplicates are sought among these). */
    public static final Set<WorkOrderStatus> OPEN = Set.of(REGISTERED, DISPATCHED, SIGNED, RETURNED, IN_PROGRESS,
            REOPENED);

    public boolean ended() {
        return this == ANSWERED || this == CLOSED;
    }
}
