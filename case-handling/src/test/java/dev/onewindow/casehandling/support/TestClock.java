package dev.onewindow.casehandling.support;

import dev.onewindow.platform.testkit.SettableClock;

/**
 * The service's clock in tests: the system clock, unless a test sets it to a fixed instant (e.g. acceptance at
 * 2026-02-13 10:00 Asia/Shanghai) to check due instants on the 2026 calendar. Tests that set it reset it.
 */
public final class TestClock {

    public static final SettableClock INSTANCE = new SettableClock();

    private TestClock() {
    }
}
