package dev.onewindow.evaluation.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
import dev.onewindow.platform.security.Roles;
import org.springframework.stereotype.Service;

/**
 * The published rates, from the counters alone: satisfaction (levels 3–5 ÷ all counted), rectification (confirmed ÷
 * opened), on-time rectification (on time ÷ confirmed) and callback (called back ÷ real-name bad ratings).
 */
@Service
public class StatisticsService {

    /** The most departments a summary lists. */
    static final int MAX_ROWS = 500;

    private static final java.time.format.DateTimeFormatter MONTH = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM").withZone(java.time.ZoneId.of("Asia/Shanghai"));

    private final StatisticsCounters counters;
    private final java.time.Clock clock;

    StatisticsService(StatisticsCounters counters, java.time.Clock clock) {
        this.counters = counters;
        this.clock = clock;
    }

    /** The month now is in (Asia/Shanghai), the period a summary shows when none is asked for. */
    public String currentMonth() {
        return MONTH.format(clock.instant());
    }

    /** One dimension's figures for a period; department staff read their own department's only. */
    public Figures figures(Dimension dimension, String key, String period, Caller caller) {
        requirePeriod(period);
        boolean everything = caller.hasAnyRole(Roles.EVAL_ADMIN, Roles.SUPERVISOR, Roles.AUDITOR);
        if (!everything && !(dimension == Dimension.DEPARTMENT && caller.inDepartment(key))) {
            throw DomainException.notFound("statistics", dimension + " " + key);
        }
        return Figures.of(dimension, key, period, counters.read(dimension, key, period).orElse(null));
    }

    /** 结果公开: everything and every department for a period. */
    public Summary summary(String period) {
        requirePeriod(period);
        Figures all = Figures.of(Dimension.ALL, "ALL", period, counters.read(Dimension.ALL, "ALL", period)
                .orElse(null));
        List<Figures> departments = counters.all(Dimension.DEPARTMENT, period, MAX_ROWS).stream()
                .map(c -> Figures.of(Dimension.DEPARTMENT, c.key(), period, c))
                .sorted(Comparator.comparing(Figures::key)).toList();
        return new Summary(period, all, departments);
    }

    /** A day (yyyy-MM-dd) or a month (yyyy-MM) that exists; the pattern alone lets 2026-13 through. */
    static void requirePeriod(String period) {
        try {
            if (period.length() == 7) {
                YearMonth.parse(period);
            } else {
                LocalDate.parse(period);
            }
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("INVALID_PERIOD", "period is a day (yyyy-MM-dd) or a month (yyyy-MM)")
                    .with("field", "period");
        }
    }

    public record Summary(String period, Figures all, List<Figures> departments) {
    }

    /** The counts of a counter and the rates derived from them (null when nothing to divide). */
    public record Figures(Dimension dimension, String key, String period, long counted, long satisfied, long bad,
            List<Long> levels, long rectifications, long rectified, long rectifiedOnTime, long escalated,
            long callbacksDue, long callbacksMade, long excluded, long confirmedByDefault, Double satisfactionRate,
            Double rectificationRate,
            Double onTimeRectificationRate, Double callbackRate) {

        static Figures of(Dimension dimension, String key, String period, Counter c) {
            if (c == null) {
                return new Figures(dimension, key, period, 0, 0, 0, List.of(0L, 0L, 0L, 0L, 0L), 0, 0, 0, 0, 0, 0, 0,
                        0, null, null, null, null);
            }
            Counter.Levels l = c.levels() == null ? new Counter.Levels(0L, 0L, 0L, 0L, 0L) : c.levels();
            long counted = n(c.counted());
            long satisfied = n(c.satisfied());
            long rectifications = n(c.rectifications());
            long rectified = n(c.rectified());
            long onTime = n(c.rectifiedOnTime());
            long due = n(c.callbacksDue());
            long made = n(c.callbacksMade());
            return new Figures(dimension, key, period, counted, satisfied, n(c.bad()),
                    List.of(n(l.l1()), n(l.l2()), n(l.l3()), n(l.l4()), n(l.l5())), rectifications, rectified,
                    onTime, n(c.escalated()), due, made, n(c.excluded()), n(c.confirmedByDefault()),
                    rate(satisfied, counted),
                    rate(rectified, rectifications), rate(onTime, rectified), rate(made, due));
        }

        private static long n(Long count) {
            return count == null ? 0 : count;
        }

        private static Double rate(long part, long whole) {
            return whole <= 0 ? null : Math.round(10_000.0 * part / whole) / 10_000.0;
        }
    }
}
