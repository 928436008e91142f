package dev.onewindow.evaluation.rectifications;

import java.util.Set;

/**
 * 差评整改: {@code OPEN} (the department calls back) → {@code CALLED_BACK} → {@code FED_BACK} (rectified or explained,
 * waiting for the rater) → {@code COMPLETED} when the rater is satisfied; not satisfied reopens once, the second time
 * it is {@code ESCALATED} to supervision. An upheld appeal {@code WITHDRAWN}s it.
 */
public enum RectificationStatus {
    OPEN, CALLED_BACK, FED_BACK, COMPLETED, ESCALATED, WITHDRAWN;

    /** The department is working on it: its clock runs. */
    public static final Set<RectificationStatus> RUNNING = Set.of(OPEN, CALLED_BACK);
}
