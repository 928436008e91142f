package dev.onewindow.elicense.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock plus an offset that tests can only increase: time moves on as usual, and a test can jump ahead
 * (e.g. past an authorization's expiry) without sleeping. Never moved back, so other tests sharing the context only
 * ever see time pass.
 */
public final class AdjustableClock extends Clock {

    public static final AdjustableClock INSTANCE = new AdjustableClock();

    private volatile Duration offset = Duration.ZERO;

    private AdjustableClock() {
    }

    public synchronized void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the test clock only moves forward");
        }
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("use Clock.offset of the adjustable clock");
    }
}
