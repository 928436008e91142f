package dev.onewindow.casehandling.cases;

import java.util.function.Supplier;

import dev.onewindow.platform.calendar.ClockThresholds;
import dev.onewindow.platform.calendar.WorkingDayCalendar;

/**
 * Hands each command the rules in force now. The calendar is read afresh every time (never kept), so a
 * {@code calendar.updated} from service-catalog — next year's holidays, a changed make-up day — applies to the very
 * next command and read.
 */
public final class CaseRulesSource {

    private final Supplier<WorkingDayCalendar> calendar;
    private final ClockThresholds thresholds;
    private final int acceptanceWorkingDays;
    private final int maxExtensionWorkingDays;
    private final int maxExtensions;
    private final boolean deemedAcceptance;
    private final int maxSupplementRequestsPerPhase;
    private final boolean separateReviewAndDecision;

    public CaseRulesSource(Supplier<WorkingDayCalendar> calendar, ClockThresholds thresholds,
            int acceptanceWorkingDays, int maxExtensionWorkingDays, int maxExtensions, boolean deemedAcceptance,
            int maxSupplementRequestsPerPhase, boolean separateReviewAndDecision) {
        this.calendar = calendar;
        this.thresholds = thresholds;
        this.acceptanceWorkingDays = acceptanceWorkingDays;
        this.maxExtensionWorkingDays = maxExtensionWorkingDays;
        this.maxExtensions = maxExtensions;
        this.deemedAcceptance = deemedAcceptance;
        this.maxSupplementRequestsPerPhase = maxSupplementRequestsPerPhase;
        this.separateReviewAndDecision = separateReviewAndDecision;
    }

    public CaseRules current() {
        return new CaseRules(calendar.get(), thresholds, acceptanceWorkingDays, maxExtensionWorkingDays,
                maxExtensions, deemedAcceptance, maxSupplementRequestsPerPhase, separateReviewAndDecision);
    }
}
