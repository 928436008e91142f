package dev.onewindow.platform.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;



/**
 * A service's clock in integration tests: the system clock, unless a test sets it to a fixed instant (e.g. a dispatch
 * at 2026-02-13 10:00 Asia/Shanghai, to check due instants on the 2026 calendar) or moves it on. Tests that set it
 * reset it ({@link #useSystemTime}). Register it as the primary {@link Clock} bean from the test sources.
 */
public final class SettableClock extends Clock {

    /** The zone the working-day calendar counts in. */
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    /** Sets "now" to a local date-time in Asia/Shanghai. */
    public void setShanghai(LocalDateTime local) {
        fixed.set(local.atZone(SHANGHAI).toInstant());
    }

    public void set(Instant instant) {
        fixed.set(instant);
    }

    /** Moves a fixed "now" on by {@code by}. */
    public void advance(Duration by) {
        fixed.updateAndGet(now -> (now == null ? Instant.now() : now).plus(by));
    }

    public void useSystemTime() {
        fixed.set(null);
    }

    @Override
    public Instant instant() {
        Instant now = fixed.get();
        return now != null ? now : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return SHANGHAI;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock has one zone");
    }
}
