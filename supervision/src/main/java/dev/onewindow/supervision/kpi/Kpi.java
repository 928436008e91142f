package dev.onewindow.supervision.kpi;

import java.util.function.ToDoubleFunction;

/**
 * The KPIs the plans name (docs/domain.md, "KPIs and rankings"), each a ratio or a count of {@link Metric counters}.
 * {@code higherIsBetter} orders the ranking.
 */
public enum Kpi {
    CASES_HANDLED(true, c -> c.get(Metric.CASES_COMPLETED), c -> 1),
    ON_TIME_RATE(true, c -> c.get(Metric.CASES_ON_TIME), c -> c.get(Metric.CASES_COMPLETED)),
    OVERDUE_COUNT(false, c -> c.get(Metric.CASES_LATE), c -> 1),
    AVERAGE_HANDLING_WORKING_DAYS(false, c -> c.get(Metric.HANDLING_WORKING_DAYS),
            c -> c.get(Metric.HANDLING_MEASURED)),
    FULL_ONLINE_RATE(true, c -> c.get(Metric.DEPTH4_ONLINE), c -> c.get(Metric.DEPTH4_COMPLETED)),
    HOTLINE_SIGN_ON_TIME_RATE(true, c -> c.get(Metric.SIGNS_ON_TIME), c -> c.get(Metric.SIGNS)),
    HOTLINE_REPLY_ON_TIME_RATE(true, c -> c.get(Metric.REPLIES_ON_TIME), c -> c.get(Metric.REPLIES)),
    CALLBACK_SATISFACTION(true, c -> c.get(Metric.CALLBACKS_SATISFIED), c -> c.get(Metric.CALLBACKS)),
    RATING_SATISFACTION(true, c -> c.get(Metric.RATINGS_SATISFIED), c -> c.get(Metric.RATINGS)),
    RECTIFICATION_RATE(true, c -> c.get(Metric.RECTIFICATIONS_COMPLETED), c -> c.get(Metric.BAD_RATINGS)),
    /** 投诉差评办理满意率: complaints and bad ratings closed on time and satisfied ÷ all of them (target 95 %). */
    COMPLAINT_AND_BAD_RATING_SATISFACTION(true,
            c -> c.get(Metric.COMPLAINTS_SATISFIED_ON_TIME) + c.get(Metric.RECTIFIED_ON_TIME),
            c -> c.get(Metric.COMPLAINTS) + c.get(Metric.BAD_RATINGS));

    private final boolean higherIsBetter;
    private final ToDoubleFunction<Counts> numerator;
    private final ToDoubleFunction<Counts> denominator;

    Kpi(boolean higherIsBetter, ToDoubleFunction<Counts> numerator, ToDoubleFunction<Counts> denominator) {
        this.higherIsBetter = higherIsBetter;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The value on {@code counts}; {@code null} when there is nothing to divide by (no such matter in the period). */
    public Double value(Counts counts) {
        double d = denominator.applyAsDouble(counts);
        if (d <= 0) {
            return null;
        }
        double v = numerator.applyAsDouble(counts) / d;
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** Read access to one counter document's values. */
    public interface Counts {
        double get(Metric metric);
    }
}
