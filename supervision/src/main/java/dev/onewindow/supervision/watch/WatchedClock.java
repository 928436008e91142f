package dev.onewindow.supervision.watch;

import dev.onewindow.platform.calendar.WorkClock;

/**
 * One clock of a watched matter, as supervision recounts it: the platform {@link WorkClock} (start, limit, pauses,
 * extensions, stop) rebuilt from the owner's events, and whether its YELLOW and RED alerts were raised. A phase that
 * starts again (a re-dispatch, a reopened order, a second rectification round) is a new {@code round}.
 */
public record WatchedClock(String phase, int round, String department, WorkClock clock, boolean yellowRaised,
        boolean redRaised) {

    WatchedClock with(WorkClock changed) {
        return new WatchedClock(phase, round, department, changed, yellowRaised, redRaised);
    }

    WatchedClock raisedYellow() {
        return new WatchedClock(phase, round, department, clock, true, redRaised);
    }

    WatchedClock raisedRed() {
        return new WatchedClock(phase, round, department, clock, yellowRaised, true);
    }

    public boolean running() {
        return !clock.stopped();
    }
}
