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
 */
public record CaseRules(WorkingDayCalendar calendar, ClockThresholds thresholds, int acceptanceWorkingDays,
        int maxExtensionWorkingDays, int maxExtensions) {
}
