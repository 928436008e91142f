package dev.onewindow.casehandling.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import dev.onewindow.platform.calendar.WorkingDayCalendar;

/**
 * The service's clock in tests: the system clock, unless a test sets it to a fixed instant (e.g. acceptance at
 * 2026-02-13 10:00 Asia/Shanghai) to check due instants on the 2026 calendar. Tests that set it reset it.
 */
public final class TestClock extends Clock {

    public static final TestClock INSTANCE = new TestClock();

    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    private TestClock() {
    }

    /** Sets "now" to a local date-time in Asia/Shanghai. */
    public void setShanghai(LocalDateTime local) {
        fixed.set(local.atZone(WorkingDayCalendar.ZONE).toInstant());
    }

    public void set(Instant instant) {
        fixed.set(instant);
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
        return WorkingDayCalendar.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the case-handling test clock has one zone");
    }
}
