package dev.onewindow.hotline.orders;

import java.util.Optional;

/**
 * An order as one caller may see it at one instant: its current deadline, and whether the caller may see who raised
 * it (not the departments of a confidential order; masked for everyone else).
 */
public record WorkOrderView(WorkOrder order, Optional<Deadline> deadline, boolean callerShown) {
}
