package dev.onewindow.casehandling.cases;

import dev.onewindow.platform.calendar.ClockThresholds;
import dev.onewindow.platform.calendar.WorkingDayCalendar;

/**
 * The configurable rules a case is handled under (docs/domain.md, case-handling, "Time rules"), handed to the
 * aggregate's commands.
 *
 * @param acceptanceWorkingDays   flag a submission not accepted or sent back within this many working days
 * @param maxExtensionWorkingDays longest extension an approver may grant
 * @param maxExtensions           how many extensions a case may get
 * @param deemedAcceptance        a late acceptance starts the clock when the materials arrived (行政许可法 §32)
 * @param maxSupplementRequestsPerPhase 一次性告知: supplement requests before acceptance, and again during review
 * @param separateReviewAndDecision 审批分离: whoever reviewed a case does not decide it
 */
public record CaseRules(WorkingDayCalendar calendar, ClockThresholds thresholds, int acceptanceWorkingDays,
        int maxExtensionWorkingDays, int maxExtensions, boolean deemedAcceptance, int maxSupplementRequestsPerPhase,
        boolean separateReviewAndDecision) {

    /** The time rules with the lawful defaults of the other rules (deemed acceptance, one request, separation). */
    public CaseRules(WorkingDayCalendar calendar, ClockThresholds thresholds, int acceptanceWorkingDays,
            int maxExtensionWorkingDays, int maxExtensions) {
        this(calendar, thresholds, acceptanceWorkingDays, maxExtensionWorkingDays, maxExtensions, true, 1, true);
    }
}
