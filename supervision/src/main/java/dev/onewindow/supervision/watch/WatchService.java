package dev.onewindow.supervision.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import dev.onewindow.platform.calendar.CalendarSource;
import dev.onewindow.platform.calendar.ClockLevel;
import dev.onewindow.platform.calendar.ClockThresholds;
import dev.onewindow.platform.calendar.Limit;
import dev.onewindow.platform.calendar.WorkClock;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.events.OptimisticRetry;
import dev.onewindow.supervision.Source;
import dev.onewindow.supervision.config.SupervisionProperties;
import dev.onewindow.supervision.kpi.CountChange;
import dev.onewindow.supervision.kpi.Metric;
import dev.onewindow.supervision.orders.OrderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * The watch (电子监察): applies the owners' events to supervision's own clocks, raises and clears alerts, and sweeps the
 * clocks whose next instant has come. Every step is idempotent: an event of a sequence already applied to a matter
 * changes nothing, and alerts and the orders they open have ids derived from what they are about.
 *
 * <p>Order of effects, so that a crash at any point loses nothing and repeats nothing: the alerts (and orders) are
 * written first — idempotent by id — then the matter with its new sequence and the event's KPI counts to apply; the
 * counters last, each taking a change once ({@link Counting}; what a crash leaves pending is applied by a sweep).
 */
@Service
public class WatchService {

    private static final Logger log = LoggerFactory.getLogger(WatchService.class);

    private final WatchedRepository matters;
    private final AlertRepository alerts;
    private final OrderService orders;
    private final Counting counting;
    private final CalendarSource calendar;
    private final ClockThresholds thresholds;
    private final java.time.Clock clock;
    private final SupervisionProperties properties;

    public WatchService(WatchedRepository matters, AlertRepository alerts, OrderService orders, Counting counting,
            CalendarSource calendar, ClockThresholds thresholds, java.time.Clock clock,
            SupervisionProperties properties) {
        this.matters = matters;
        this.alerts = alerts;
        this.orders = orders;
        this.counting = counting;
        this.calendar = calendar;
        this.thresholds = thresholds;
        this.clock = clock;
        this.properties = properties;
    }

    /** The matter an event is about, with the facts the event tells of it. */
    public record Subject(Source source, String subjectId, String subjectNo, String region, String department) {
    }

    /** A clock that stopped while an event was applied: on time or not, and the working days it counted. */
    public record Stopped(WatchedClock clock, boolean onTime, double elapsedWorkingDays) {
    }

    /**
     * Applies one event of the matter's owner, unless an event of this or a later {@code sequence} was applied
     * already. {@code rule} changes the clocks and names flags and counts through the {@link Step}.
     *
     * @return whether the event was applied
     */
    public boolean apply(Subject subject, long sequence, Consumer<Step> rule) {
        return apply(subject, sequence, null, rule);
    }

    /**
     * As {@link #apply(Subject, long, Consumer)}, for an event that happened at {@code occurredAt}: the clocks'
     * levels are judged as of then, so replaying old events raises nothing for clocks that were stopped in time by
     * later events; what has come due since is the sweep's.
     */
    public boolean apply(Subject subject, long sequence, Instant occurredAt, Consumer<Step> rule) {
        Recorded recorded = record(subject, sequence, occurredAt, rule);
        if (recorded == null) {
            return false;
        }
        counting.settle(recorded.matter(), recorded.counts());
        return true;
    }

    /** An event's effects as saved: the matter, and the KPI counts the save stored for the counters. */
    public record Recorded(Watched matter, List<CountChange> counts) {
    }

    /**
     * The first half of {@link #apply(Subject, long, Instant, Consumer)}: the event's effects and its KPI counts
     * saved with the matter, the counters not yet changed (what a crash right after the save leaves; the sweep of
     * pending counts completes it).
     *
     * @return what was saved, or null when the event was applied before
     */
    public Recorded record(Subject subject, long sequence, Instant occurredAt, Consumer<Step> rule) {
        return OptimisticRetry.run(() -> {
            Watched matter = matters.findById(Watched.idOf(subject.source(), subject.subjectId()))
                    .orElseGet(() -> Watched.of(subject.source(), subject.subjectId()));
            if (sequence > 0 && !matter.accepts(sequence)) {
                return null;
            }
            matter.describe(subject.subjectNo(), subject.region(), subject.department());
            Instant now = clock.instant();
            Step step = new Step(matter, now, occurredAt == null || occurredAt.isAfter(now) ? now : occurredAt);
            rule.accept(step);
            settle(step);
            if (sequence > 0) {
                matter.applied(sequence);
            }
            matter.schedule(calendar.current(), step.now, thresholds);
            List<CountChange> counts = new ArrayList<>();
            for (CountChange count : step.counts) {
                CountChange change = new CountChange(UUID.randomUUID().toString(), count.at(), count.department(),
                        count.region(), count.increments());
                matter.addPendingCount(change, step.now);
                counts.add(change);
            }
            return new Recorded(matters.save(matter), counts);
        });
    }

    /** A change supervision makes to a matter of its own (an inspection's publication clock): no sequence to guard. */
    public void applyOwn(Subject subject, Consumer<Step> rule) {
        apply(subject, 0, rule);
    }

    /**
     * Raises the alerts of every matter whose next instant has come, at most {@code sweep-batch} per run (the rest
     * stay due and come next run). Reads only through the index on {@code nextFireAt}.
     *
     * @return how many matters were swept (a matter that failed is not counted; it is tried again next run)
     */
    public int sweep() {
        Instant now = clock.instant();
        int swept = 0;
        for (Watched due : matters.findByNextFireAtLessThanEqualOrderByNextFireAtAsc(now,
                PageRequest.of(0, properties.sweepBatch()))) {
            try {
                OptimisticRetry.run(() -> matters.findById(due.id()).map(matter -> {
                    fire(matter, now, now);
                    matter.schedule(calendar.current(), now, thresholds);
                    return matters.save(matter);
                }));
                swept++;
            } catch (RuntimeException failed) {
                // one matter that cannot be swept must not stop the others; it stays due and is tried next run
                log.warn("sweep of {} failed: {}", due.id(), failed.toString());
            }
        }
        return swept;
    }

    /**
     * Applies the KPI counts a crash left pending between a matter's save and the counters, once each (see
     * {@link Counting}); at most {@code sweep-batch} matters per run.
     *
     * @return how many matters were settled
     */
    public int settleCounts() {
        return counting.settleStale();
    }

    /** How many matters one sweep run handles at most. */
    public int batchSize() {
        return properties.sweepBatch();
    }

    /** Raises what the running clocks of {@code matter} have reached at {@code now}. */
    private void fire(Watched matter, Instant levelAt, Instant now) {
        WorkingDayCalendar cal = calendar.current();
        for (WatchedClock c : List.copyOf(matter.clocks().values())) {
            if (!c.running() || c.clock().paused()) {
                continue;
            }
            ClockLevel level = c.clock().level(cal, levelAt, thresholds);
            WatchedClock current = c;
            if (level != ClockLevel.GREEN && !current.yellowRaised()) {
                raise(matter, current, AlertKind.DEADLINE_WARNING, now);
                current = current.raisedYellow();
            }
            if (level == ClockLevel.RED && !current.redRaised()) {
                raise(matter, current, AlertKind.overdue(matter.source(), current.phase()), now);
                current = current.raisedRed();
            }
            matter.put(current);
        }
    }

    /** After the rule: late stops get their RED (once), stopped clocks clear their alerts, flags are raised. */
    private void settle(Step step) {
        Watched matter = step.matter;
        for (Stopped stopped : step.stopped) {
            WatchedClock c = stopped.clock();
            if (!stopped.onTime() && !c.redRaised()) {
                raise(matter, c, AlertKind.overdue(matter.source(), c.phase()), step.now);
                matter.put(c.raisedRed());
            }
            for (AlertKind kind : AlertKind.values()) {
                if (kind.clock()) {
                    alerts.findById(Alert.idOf(matter.id(), c.phase(), c.round(), kind))
                            .filter(alert -> alert.clear(stopped.onTime(), step.now)).ifPresent(alerts::save);
                }
            }
        }
        for (Flag flag : step.flags) {
            raiseAlert(matter, null, 0, flag.department(), flag.kind(), null, step.now);
        }
        fire(matter, step.levelAt, step.now);
    }

    private void raise(Watched matter, WatchedClock c, AlertKind kind, Instant now) {
        raiseAlert(matter, c.phase(), c.round(), c.department(), kind, c.clock().dueAt(calendar.current(), now), now);
    }

    private void raiseAlert(Watched matter, String phase, int round, String department, AlertKind kind,
            Instant dueAt, Instant now) {
        String id = Alert.idOf(matter.id(), phase, round, kind);
        Alert alert = alerts.findById(id).orElse(null);
        if (alert == null) {
            try {
                alert = alerts.insert(Alert.raise(matter, phase, round, department, kind, dueAt, now));
                log.info("alert {} {} on {} {} {}", kind, id, matter.source(), matter.subjectId(), phase);
            } catch (DuplicateKeyException raisedMeanwhile) {
                alert = alerts.findById(id).orElseThrow();
            }
        }
        // idempotent too (the order's id is the alert's), so a crash between alert and order is repaired next time
        if (kind.level() == ClockLevel.RED && properties.autoOpen().contains(matter.source())) {
            orders.openForAlert(new OrderService.AlertFacts(alert.id(), kind.name(), alert.source(),
                    alert.subjectId(), alert.subjectNo(), alert.regionCode(), alert.department()), now);
        }
    }

    private record Flag(AlertKind kind, String department) {
    }

    /** What a rule may do to a watched matter while one event is applied. */
    public final class Step {

        private final Watched matter;
        private final Instant now;
        private final Instant levelAt;
        private final List<Stopped> stopped = new ArrayList<>();
        private final List<Flag> flags = new ArrayList<>();
        private final List<CountChange> counts = new ArrayList<>();

        private Step(Watched matter, Instant now, Instant levelAt) {
            this.matter = matter;
            this.now = now;
            this.levelAt = levelAt;
        }

        public Watched matter() {
            return matter;
        }

        public WorkingDayCalendar calendar() {
            return calendar.current();
        }

        public Optional<WatchedClock> clock(String phase) {
            return matter.clock(phase);
        }

        /** Whether a clock of {@code phase} is running. */
        public boolean running(String phase) {
            return matter.clock(phase).filter(WatchedClock::running).isPresent();
        }

        /**
         * Starts a clock of {@code phase}. The same start again (a redelivered fact) only takes the new limit and
         * extensions; another start stops a running clock of that phase and begins the next round.
         */
        public void start(String phase, String department, WorkClock started) {
            Optional<WatchedClock> existing = matter.clock(phase);
            if (existing.isPresent() && existing.get().clock().startedAt().equals(started.startedAt())) {
                WatchedClock c = existing.get();
                if (c.running()) {
                    matter.put(c.with(new WorkClock(started.startedAt(), started.limit(), c.clock().pauses(),
                            started.extensions(), null)));
                }
                return;
            }
            existing.filter(WatchedClock::running).ifPresent(c -> stop(phase, latest(started.startedAt(),
                    c.clock().startedAt())));
            int round = existing.map(c -> c.round() + 1).orElse(1);
            matter.put(new WatchedClock(phase, round, department, started, false, false));
        }

        /**
         * Starts a clock of {@code phase} that raises only its RED alert, never a warning: a case's process step of
         * one working day would be YELLOW from its start (its warning is marked raised at once).
         */
        public void startWithoutWarning(String phase, String department, WorkClock started) {
            start(phase, department, started);
            matter.clock(phase).filter(WatchedClock::running).ifPresent(c -> matter.put(c.raisedYellow()));
        }

        public void pause(String phase, String reason, Instant at) {
            change(phase, c -> c.paused() ? c : c.pause(reason, latest(at, c.startedAt())));
        }

        public void resume(String phase, Instant at) {
            change(phase, c -> c.paused() ? c.resume(latest(at, c.currentPause().orElseThrow().start())) : c);
        }

        public void extend(String phase, Limit added, Instant at) {
            change(phase, c -> c.extend(added, "extension", latest(at, c.startedAt())));
        }

        /** Stops the running clock of {@code phase}, if any; its alerts are cleared. */
        public Optional<Stopped> stop(String phase, Instant at) {
            Optional<WatchedClock> running = matter.clock(phase).filter(WatchedClock::running);
            if (running.isEmpty()) {
                return Optional.empty();
            }
            WatchedClock c = running.get();
            Instant stopAt = latest(at, c.clock().startedAt());
            if (c.clock().currentPause().isPresent()) {
                stopAt = latest(stopAt, c.clock().currentPause().get().start());
            } else if (!c.clock().pauses().isEmpty()) {
                stopAt = latest(stopAt, c.clock().pauses().get(c.clock().pauses().size() - 1).end());
            }
            WatchedClock stoppedClock = c.with(c.clock().complete(stopAt));
            matter.put(stoppedClock);
            WorkingDayCalendar cal = calendar.current();
            Duration elapsed = stoppedClock.clock().elapsed(cal, stopAt);
            Stopped result = new Stopped(stoppedClock, stoppedClock.clock().finishedOnTime(cal),
                    elapsed.toMinutes() / (24.0 * 60));
            stopped.add(result);
            return Optional.of(result);
        }

        /** Stops every running clock (the matter ended). */
        public List<Stopped> stopAll(Instant at) {
            List<Stopped> all = new ArrayList<>();
            for (String phase : List.copyOf(matter.clocks().keySet())) {
                stop(phase, at).ifPresent(all::add);
            }
            return all;
        }

        /** Raises a flag of the matter once (its id has no phase: a second raise meets the first). */
        public void flag(AlertKind kind, String department) {
            flags.add(new Flag(kind, department));
        }

        public boolean fact(String fact) {
            return matter.hasFact(fact);
        }

        public void remember(String fact) {
            matter.addFact(fact);
        }

        /** The facts remembered that begin with {@code prefix}, oldest first. */
        public List<String> facts(String prefix) {
            return matter.facts(prefix);
        }

        /** Adds to the KPI counters of {@code department} and the matter's region, once the event is applied. */
        public void count(Instant at, String department, Metric metric, double by) {
            Map<Metric, Double> increments = new EnumMap<>(Metric.class);
            increments.put(metric, by);
            counts.add(new CountChange(null, at, department, matter.region(), increments));
        }

        public void count(Instant at, String department, Map<Metric, Double> increments) {
            counts.add(new CountChange(null, at, department, matter.region(), new EnumMap<>(increments)));
        }

        private void change(String phase, java.util.function.UnaryOperator<WorkClock> change) {
            matter.clock(phase).filter(WatchedClock::running).ifPresent(c -> {
                try {
                    matter.put(c.with(change.apply(c.clock())));
                } catch (IllegalArgumentException | IllegalStateException inconsistent) {
                    // an event out of step with the clock (e.g. a resume of a clock not paused): the clock stays
                    log.warn("{} {} {}: {}", matter.source(), matter.subjectId(), phase, inconsistent.getMessage());
                }
            });
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
