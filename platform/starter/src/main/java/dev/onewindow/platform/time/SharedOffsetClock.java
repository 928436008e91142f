package dev.onewindow.platform.time;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real time moved by an offset that every service of one local stack reads from the same file, so an end-to-end test
 * (or a demo) can let days pass in seconds for all of them at once: deadlines fall due, sweeps and reminders fire.
 * The file holds a whole number of seconds (negative allowed); no file means no offset. It is read again at most every
 * {@link #RECHECK}. Test-only: {@link TimeAutoConfiguration} refuses it outside the local and e2e profiles.
 */
public final class SharedOffsetClock extends Clock {

    static final Duration RECHECK = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(SharedOffsetClock.class);

    private final Path file;
    private final Clock base;
    private volatile Duration offset = Duration.ZERO;
    private volatile long nextCheckNanos;

    public SharedOffsetClock(Path file, Clock base) {
        this.file = file;
        this.base = base;
        this.nextCheckNanos = System.nanoTime();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SharedOffsetClock(file, base.withZone(zone));
    }

    /** The offset now in force. */
    public Duration offset() {
        long now = System.nanoTime();
        if (now - nextCheckNanos >= 0) {
            nextCheckNanos = now + RECHECK.toNanos();
            offset = read();
        }
        return offset;
    }

    private Duration read() {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? Duration.ZERO : Duration.ofSeconds(Long.parseLong(text));
        } catch (NoSuchFileException none) {
            return Duration.ZERO;
        } catch (IOException | NumberFormatException | ArithmeticException unreadable) {
            log.warn("shared clock offset file {} unreadable ({}); keeping offset {}", file, unreadable.toString(),
                    offset);
            return offset;
        }
    }
}
