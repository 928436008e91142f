package dev.onewindow.platform.calendar;

import java.time.Instant;
import java.util.Objects;

/**
 * An approved extension (延期) of a {@link WorkClock}. How many extensions a process allows and how long they may be
 * (e.g. one of at most 10 working days for a case) is that process's rule, not the clock's.
 *
 * @param added  the time added, in the clock's own unit; at least 1
 * @param reason why it was granted
 * @param at     when it was granted
 */
public record Extension(Limit added, String reason, Instant at) {

    public Extension {
        Objects.requireNonNull(added, "added");
        if (added.amount() < 1) {
            throw new IllegalArgumentException("an extension must add at least 1 " + added.unit());
        }
        Pause.requireText(reason, "extension reason");
        Objects.requireNonNull(at, "at");
    }
}
