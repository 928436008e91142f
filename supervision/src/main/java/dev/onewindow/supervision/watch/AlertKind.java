package dev.onewindow.supervision.watch;

import dev.onewindow.supervision.Source;
import dev.onewindow.platform.calendar.ClockLevel;

/** What an alert is about (docs/domain.md, "supervision"). Clock alerts are cleared when their clock stops; flags stay. */
public enum AlertKind {
    /** 预警: a clock has used most of its time (YELLOW). */
    DEADLINE_WARNING(ClockLevel.YELLOW, true),
    /** 超期: a clock is past its due instant (RED). */
    DEADLINE_OVERDUE(ClockLevel.RED, true),
    /** A step (a work order's sign, reply or callback; a case's process step) is over its step limit (RED). */
    STEP_OVER_LIMIT(ClockLevel.RED, true),
    /** A case neither accepted nor sent back within the acceptance window (RED). */
    ACCEPTANCE_OVERDUE(ClockLevel.RED, true),
    /** 差评整改 past its limit (RED). */
    RECTIFICATION_OVERDUE(ClockLevel.RED, true),
    /** A work order returned by departments repeatedly (YELLOW flag). */
    REPEATED_RETURNS(ClockLevel.YELLOW, false),
    /** A work order's caller unsatisfied twice, escalated by the hotline (RED flag). */
    CALLBACK_UNSATISFIED(ClockLevel.RED, false),
    /** A bad rating (差评) given (YELLOW flag). */
    BAD_RATING(ClockLevel.YELLOW, false),
    /** A bad rating's rater unsatisfied twice, escalated by evaluation (RED flag). */
    BAD_RATING_ESCALATED(ClockLevel.RED, false);

    private final ClockLevel level;
    private final boolean clock;

    AlertKind(ClockLevel level, boolean clock) {
        this.level = level;
        this.clock = clock;
    }

    public ClockLevel level() {
        return level;
    }

    /** Whether the alert belongs to a clock (and is cleared when the clock stops). */
    public boolean clock() {
        return clock;
    }

    /** The RED kind of a clock of {@code source} in {@code phase}. */
    public static AlertKind overdue(Source source, String phase) {
        return switch (source) {
            case WORK_ORDER -> STEP_OVER_LIMIT;
            case RECTIFICATION -> RECTIFICATION_OVERDUE;
            case CASE -> switch (phase) {
                case Phases.ACCEPTANCE -> ACCEPTANCE_OVERDUE;
                case Phases.STEP1, Phases.STEP2 -> STEP_OVER_LIMIT;
                default -> DEADLINE_OVERDUE;
            };
            default -> DEADLINE_OVERDUE;
        };
    }
}
