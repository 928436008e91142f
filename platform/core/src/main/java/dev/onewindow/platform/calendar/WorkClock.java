package dev.onewindow.platform.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The deadline clock (docs/domain.md, "Deadline clock") embedded in cases, work orders, rectifications, share requests and supervision
 * orders: a start, a {@link Limit}, {@link Pause pauses}, {@link Extension extensions} and an optional stop.
 *
 * <h2>How it counts</h2>
 * A clock measures <em>counted time</em> against a <em>budget</em>:
 * <ul>
 *   <li><b>Working-days limit.</b> Time is working time: each working day of the {@link WorkingDayCalendar}
 *       contributes its whole calendar day (00:00–24:00 Asia/Shanghai), other days nothing. The budget is the working
 *       time from the start to the end of {@code calendar.addWorkingDays(startDate, N)}: accepted Monday 15:00 with
 *       1 working day, the clock is due at the end of Tuesday; with 0 (即办件) at the end of the start day, or of the
 *       next working day if it started on a day off. Each extension adds N × 24 h of working time.</li>
 *   <li><b>Hours limit.</b> Time is wall time; the budget is N hours plus any extension hours.</li>
 * </ul>
 * The budget depends only on the limit, the extensions and whether the start day was a working day, so later edits
 * to the calendar (say the next year's holidays being published) move the due instant, as the law requires, without
 * changing how much time was granted.
 *
 * <p>Paused time does not count, so resuming moves the due instant later by the working time (wall time for hours
 * clocks) the pause covered. After {@link #complete(Instant)} the clock stops: everything derived is frozen at the
 * stop, and the level then says whether it finished on time.
 *
 * <h2>Using it</h2>
 * The clock is a value: every change returns a new clock, equality is by value, and the public canonical constructor
 * takes exactly the stored state (for Spring Data MongoDB mapping; it re-validates). Derived values are computed
 * from a calendar and the current instant rather than stored, because the calendar can change.
 *
 * @param startedAt when the clock started (e.g. acceptance 受理)
 * @param limit     the time granted at start
 * @param pauses    in order, non-overlapping; only the last may still be ongoing
 * @param extensions in the order granted; each in the unit of {@code limit}
 * @param stoppedAt when the clock was completed; {@code null} while it runs
 */
public record WorkClock(Instant startedAt, Limit limit, List<Pause> pauses, List<Extension> extensions,
        Instant stoppedAt) {

    public WorkClock {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(limit, "limit");
        // Tolerate absent lists from stored documents written before a field existed.
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        validatePauses(startedAt, pauses);
        for (Extension extension : extensions) {
            if (extension.added().unit() != limit.unit()) {
                throw new IllegalArgumentException("extension in " + extension.added().unit()
                        + " on a clock counting " + limit.unit());
            }
            requireNotBefore(extension.at(), startedAt, "extension");
        }
        if (stoppedAt != null) {
            requireNotBefore(stoppedAt, startedAt, "stop");
            if (!pauses.isEmpty()) {
                Pause last = pauses.get(pauses.size() - 1);
                if (last.ongoing()) {
                    throw new IllegalArgumentException("a stopped clock cannot have an ongoing pause");
                }
                requireNotBefore(stoppedAt, last.end(), "stop");
            }
        }
    }

    /** A running clock started at {@code startedAt}. */
    public static WorkClock start(Instant startedAt, Limit limit) {
        return new WorkClock(startedAt, limit, List.of(), List.of(), null);
    }

    // ---------------------------------------------------------------------------------------------------- changes

    /**
     * Pauses the clock from {@code at}.
     *
     * @throws IllegalStateException    if the clock is already paused or stopped
     * @throws IllegalArgumentException if {@code at} is before the start or before the previous pause ended
     */
    public WorkClock pause(String reason, Instant at) {
        requireRunning("pause");
        Optional<Pause> current = currentPause();
        if (current.isPresent()) {
            throw new IllegalStateException("clock is already paused since " + current.get().start()
                    + " (" + current.get().reason() + "); resume it before pausing again");
        }
        List<Pause> changed = new ArrayList<>(pauses);
        changed.add(Pause.beginning(reason, at));
        return new WorkClock(startedAt, limit, changed, extensions, null);
    }

    /**
     * Ends the current pause at {@code at}; the clock counts again from then.
     *
     * @throws IllegalStateException    if the clock is not paused
     * @throws IllegalArgumentException if {@code at} is before the pause began
     */
    public WorkClock resume(Instant at) {
        Pause current = currentPause().orElseThrow(() -> new IllegalStateException(
                stopped() ? "clock is stopped; it cannot be resumed" : "clock is not paused; nothing to resume"));
        return new WorkClock(startedAt, limit, endCurrentPause(current, at), extensions, null);
    }

    /**
     * Grants {@code workingDays} more working days.
     *
     * @throws IllegalStateException if the clock counts hours (use {@link #extend(Limit, String, Instant)} with
     *                               {@link Limit#hours(int)}) or is stopped
     */
    public WorkClock extend(int workingDays, String reason, Instant at) {
        return extend(Limit.workingDays(workingDays), reason, at);
    }

    /**
     * Grants more time, in the clock's own unit: working days for a working-days clock, hours for an hours clock.
     * Mixing units is refused because "one working day" has no fixed length in wall time. Allowed while paused.
     *
     * @throws IllegalStateException    if {@code added} is in another unit than the limit, or the clock is stopped
     * @throws IllegalArgumentException if {@code added} is zero, or {@code at} is before the start
     */
    public WorkClock extend(Limit added, String reason, Instant at) {
        requireRunning("extend");
        if (added.unit() != limit.unit()) {
            throw new IllegalStateException("clock counts " + limit.unit() + "; it cannot be extended by "
                    + added.amount() + " " + added.unit());
        }
        List<Extension> changed = new ArrayList<>(extensions);
        changed.add(new Extension(added, reason, at));
        return new WorkClock(startedAt, limit, pauses, changed, null);
    }

    /**
     * Stops the clock at {@code at} (办结, closed, withdrawn …). An ongoing pause ends at the same instant, so time
     * spent paused is still not counted.
     *
     * @throws IllegalStateException    if the clock is already stopped
     * @throws IllegalArgumentException if {@code at} is before the start or before the current pause began
     */
    public WorkClock complete(Instant at) {
        requireRunning("complete");
        List<Pause> changed = currentPause().map(current -> endCurrentPause(current, at)).orElse(pauses);
        return new WorkClock(startedAt, limit, changed, extensions, at);
    }

    // ---------------------------------------------------------------------------------------------------- state

    /** The ongoing pause, if the clock is paused now. */
    public Optional<Pause> currentPause() {
        if (pauses.isEmpty()) {
            return Optional.empty();
        }
        Pause last = pauses.get(pauses.size() - 1);
        return last.ongoing() ? Optional.of(last) : Optional.empty();
    }

    /** Whether the clock is paused. (No "is" prefix, so that bean-style mappers see only the record components.) */
    public boolean paused() {
        return currentPause().isPresent();
    }

    /** Whether the clock has been completed. */
    public boolean stopped() {
        return stoppedAt != null;
    }

    // ---------------------------------------------------------------------------------------------------- derived

    /** The time granted: the initial limit (see the class comment) plus all extensions, in counted time. */
    public Duration budget(WorkingDayCalendar calendar) {
        Duration budget = switch (limit.unit()) {
            case HOURS, MINUTES -> limit.asDuration();
            case WORKING_DAYS -> {
                LocalDate startDay = startedAt.atZone(WorkingDayCalendar.ZONE).toLocalDate();
                LocalDate lastDay = calendar.addWorkingDays(startDay, limit.amount());
                yield calendar.workingTimeBetween(startedAt, WorkingDayCalendar.endOf(lastDay));
            }
        };
        for (Extension extension : extensions) {
            budget = budget.plus(extension.added().asDuration());
        }
        return budget;
    }

    /**
     * The instant at which the counted time reaches the budget.
     *
     * <p>While the clock is paused the due instant is computed as if it resumed at {@code now}, so it moves later as
     * the pause goes on; that is what a handler needs to see, and what an event raised at {@code now} should carry.
     * A clock that ran out before it was paused stays due at that earlier instant. For a running or stopped clock
     * {@code now} does not matter.
     */
    public Instant dueAt(WorkingDayCalendar calendar, Instant now) {
        Duration left = budget(calendar);
        Instant cursor = startedAt;
        for (Pause pause : pauses) {
            Duration running = counted(calendar, cursor, pause.start());
            if (running.compareTo(left) >= 0) {
                return advance(calendar, cursor, left);
            }
            left = left.minus(running);
            cursor = pause.ongoing() ? latest(now, pause.start()) : pause.end();
        }
        return advance(calendar, cursor, left);
    }

    /** The counted time used so far (up to {@code now}, or to the stop): running time only, pauses excluded. */
    public Duration elapsed(WorkingDayCalendar calendar, Instant now) {
        Instant until = frozenAt(now);
        Duration elapsed = Duration.ZERO;
        Instant cursor = startedAt;
        for (Pause pause : pauses) {
            elapsed = elapsed.plus(counted(calendar, cursor, earliest(pause.start(), until)));
            if (pause.ongoing() || !pause.end().isBefore(until)) {
                return elapsed;
            }
            cursor = pause.end();
        }
        return elapsed.plus(counted(calendar, cursor, until));
    }

    /**
     * The budget minus the elapsed time, in counted time; negative once more than the budget has been used.
     *
     * <p>Note that on a non-working day directly after the due instant a working-days clock is overdue (see
     * {@link #overdue}) while {@code remaining} is still zero: no working time has passed since it fell due.
     */
    public Duration remaining(WorkingDayCalendar calendar, Instant now) {
        return budget(calendar).minus(elapsed(calendar, now));
    }

    /** Whether {@code now} (or the stop, for a stopped clock) is after the due instant. */
    public boolean overdue(WorkingDayCalendar calendar, Instant now) {
        Instant at = frozenAt(now);
        return at.isAfter(dueAt(calendar, at));
    }

    /**
     * The warning level at {@code now}: {@link ClockLevel#RED} when overdue; {@link ClockLevel#YELLOW} when at least
     * {@code yellowRatio} of the budget is used, or (working-days clocks only) at most
     * {@code yellowRemainingWorkingDays} × 24 h of working time is left; else {@link ClockLevel#GREEN}.
     * A stopped clock keeps the level it had when it stopped, so RED then means "finished late".
     * An immediate item (即办件) has at most one working day from the start, so it is yellow from the start under
     * the default thresholds.
     */
    public ClockLevel level(WorkingDayCalendar calendar, Instant now, ClockThresholds thresholds) {
        Instant at = frozenAt(now);
        if (overdue(calendar, at)) {
            return ClockLevel.RED;
        }
        Duration budget = budget(calendar);
        Duration elapsed = elapsed(calendar, at);
        // Dividing the two durations (rather than scaling the budget by 0.8) makes an exact 80 % compare equal to 0.8.
        double used = seconds(elapsed) / seconds(budget);
        if (used >= thresholds.yellowRatio()) {
            return ClockLevel.YELLOW;
        }
        int daysLeftThreshold = thresholds.yellowRemainingWorkingDays();
        if (limit.unit() == Limit.Unit.WORKING_DAYS && daysLeftThreshold > 0
                && budget.minus(elapsed).compareTo(Duration.ofDays(daysLeftThreshold)) <= 0) {
            return ClockLevel.YELLOW;
        }
        return ClockLevel.GREEN;
    }

    /**
     * The first instant at which this running clock is {@link ClockLevel#YELLOW} by
     * {@link #level(WorkingDayCalendar, Instant, ClockThresholds)}, if it is not paused before; {@code now} when it
     * already is (or is red). It turns {@link ClockLevel#RED} after {@link #dueAt}. Whoever needs to know when a clock
     * changes colour — a worklist index, a sweep that raises warnings — asks here rather than re-deriving the
     * thresholds, so the rule stays in one place.
     *
     * @throws IllegalStateException if the clock is paused or stopped: its level cannot change then
     */
    public Instant yellowAt(WorkingDayCalendar calendar, Instant now, ClockThresholds thresholds) {
        if (stopped() || paused()) {
            throw new IllegalStateException("a " + (stopped() ? "stopped" : "paused") + " clock does not change level");
        }
        Duration budget = budget(calendar);
        Duration yellowFrom = ratioReached(budget, thresholds.yellowRatio());
        int daysLeftThreshold = thresholds.yellowRemainingWorkingDays();
        if (limit.unit() == Limit.Unit.WORKING_DAYS && daysLeftThreshold > 0) {
            Duration byDaysLeft = budget.minus(Duration.ofDays(daysLeftThreshold));
            if (byDaysLeft.compareTo(yellowFrom) < 0) {
                yellowFrom = byDaysLeft.isNegative() ? Duration.ZERO : byDaysLeft;
            }
        }
        Duration elapsed = elapsed(calendar, now);
        return elapsed.compareTo(yellowFrom) >= 0 ? now : advance(calendar, now, yellowFrom.minus(elapsed));
    }

    /** The least elapsed time whose share of {@code budget}, computed as {@link #level} computes it, reaches {@code ratio}. */
    private static Duration ratioReached(Duration budget, double ratio) {
        if (ratio <= 0 || budget.isZero()) {
            return Duration.ZERO;
        }
        if (ratio >= 1) {
            return budget;
        }
        double whole = seconds(budget);
        long nanos = (long) Math.ceil(budget.toNanos() * ratio);
        // the double arithmetic of level() decides; step to its exact boundary
        while (nanos > 0 && seconds(Duration.ofNanos(nanos - 1)) / whole >= ratio) {
            nanos--;
        }
        while (seconds(Duration.ofNanos(nanos)) / whole < ratio) {
            nanos++;
        }
        return Duration.ofNanos(nanos);
    }

    /** {@link #level(WorkingDayCalendar, Instant, ClockThresholds)} with {@link ClockThresholds#DEFAULTS}. */
    public ClockLevel level(WorkingDayCalendar calendar, Instant now) {
        return level(calendar, now, ClockThresholds.DEFAULTS);
    }

    /**
     * Whether a stopped clock stopped no later than its due instant.
     *
     * @throws IllegalStateException if the clock is still running
     */
    public boolean finishedOnTime(WorkingDayCalendar calendar) {
        if (!stopped()) {
            throw new IllegalStateException("clock is still running; it has not finished");
        }
        return !overdue(calendar, stoppedAt);
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** Counted time in {@code [from, to)}: working time or wall time depending on the limit; zero if empty. */
    private Duration counted(WorkingDayCalendar calendar, Instant from, Instant to) {
        return switch (limit.unit()) {
            case WORKING_DAYS -> calendar.workingTimeBetween(from, to);
            case HOURS, MINUTES -> to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
        };
    }

    /** The instant at which {@code amount} of counted time has passed after {@code from}. */
    private Instant advance(WorkingDayCalendar calendar, Instant from, Duration amount) {
        return switch (limit.unit()) {
            case WORKING_DAYS -> calendar.plusWorkingTime(from, amount);
            case HOURS, MINUTES -> from.plus(amount);
        };
    }

    /** The instant up to which the clock has counted: {@code now}, or the stop if that came first. */
    private Instant frozenAt(Instant now) {
        return stoppedAt == null ? now : earliest(now, stoppedAt);
    }

    private List<Pause> endCurrentPause(Pause current, Instant at) {
        List<Pause> changed = new ArrayList<>(pauses);
        changed.set(changed.size() - 1, current.endedAt(at));
        return changed;
    }

    private void requireRunning(String action) {
        if (stopped()) {
            throw new IllegalStateException("clock was stopped at " + stoppedAt + "; cannot " + action + " it");
        }
    }

    private static void validatePauses(Instant startedAt, List<Pause> pauses) {
        Instant previousEnd = startedAt;
        for (int i = 0; i < pauses.size(); i++) {
            Pause pause = pauses.get(i);
            if (previousEnd == null) {
                throw new IllegalArgumentException("only the last pause may be ongoing");
            }
            if (pause.start().isBefore(previousEnd)) {
                throw new IllegalArgumentException("pause at " + pause.start() + " begins before "
                        + (i == 0 ? "the clock started (" : "the previous pause ended (") + previousEnd + ")");
            }
            previousEnd = pause.end();
        }
    }

    private static void requireNotBefore(Instant at, Instant bound, String what) {
        if (at.isBefore(bound)) {
            throw new IllegalArgumentException(what + " at " + at + " is before " + bound);
        }
    }

    private static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
