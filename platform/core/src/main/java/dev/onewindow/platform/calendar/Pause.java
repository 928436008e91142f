package dev.onewindow.platform.calendar;

import java.time.Instant;
import java.util.Objects;

/**
 * A period during which a {@link WorkClock} does not count, e.g. waiting for the applicant to supplement materials
 * (补正) or a special procedure such as a hearing or expert review (特别程序).
 *
 * @param reason why the clock was paused; shown to supervisors, so required
 * @param start  when the pause began
 * @param end    when the clock resumed; {@code null} while the pause is still open
 */
public record Pause(String reason, Instant start, Instant end) {

    public Pause {
        requireText(reason, "pause reason");
        Objects.requireNonNull(start, "start");
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("pause ends (" + end + ") before it starts (" + start + ")");
        }
    }

    /** A pause beginning at {@code start}, not yet ended. */
    static Pause beginning(String reason, Instant start) {
        return new Pause(reason, start, null);
    }

    /**
     * Whether the clock is still paused by this pause. (Named without "is" so that bean-style mappers see only the
     * record components.)
     */
    public boolean ongoing() {
        return end == null;
    }

    /** This pause, ended at {@code at}. */
    Pause endedAt(Instant at) {
        return new Pause(reason, start, at);
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
