package dev.onewindow.platform.calendar;

/**
 * When a {@link WorkClock} turns {@link ClockLevel#YELLOW}. Configuration with defaults (docs/domain.md, "Deadline clock"): a city can
 * change both values without a code change.
 *
 * @param yellowRatio                fraction of the budget used from which the clock is yellow, in (0, 1]
 * @param yellowRemainingWorkingDays a working-days clock is also yellow once at most this many working days are left;
 *                                   0 disables the rule; ignored by hours clocks, for which "one working day" says
 *                                   nothing (a 2-hour order always has less than a day left)
 */
public record ClockThresholds(double yellowRatio, int yellowRemainingWorkingDays) {

    /** Yellow at 80 % of the budget used or at most 1 working day left. */
    public static final ClockThresholds DEFAULTS = new ClockThresholds(0.8, 1);

    public ClockThresholds {
        // Written so that NaN fails too.
        if (!(yellowRatio > 0 && yellowRatio <= 1)) {
            throw new IllegalArgumentException("yellowRatio must be in (0, 1]: " + yellowRatio);
        }
        if (yellowRemainingWorkingDays < 0) {
            throw new IllegalArgumentException(
                    "yellowRemainingWorkingDays must not be negative: " + yellowRemainingWorkingDays);
        }
    }
}
