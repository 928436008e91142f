package dev.onewindow.platform.events;

import java.util.function.Supplier;

import dev.onewindow.platform.observability.RequestIdFilter;

/**
 * Correlation of events: an event raised while handling a request carries the request id; an event raised while
 * handling another event carries that event's correlation id and names it as its cause.
 */
public final class EventContext {

    private static final ThreadLocal<IncomingEvent> HANDLING = new ThreadLocal<>();

    private EventContext() {
    }

    /** Runs {@code work} as a consequence of {@code cause}: events it registers are correlated with it. */
    public static <T> T causedBy(IncomingEvent cause, Supplier<T> work) {
        IncomingEvent previous = HANDLING.get();
        HANDLING.set(cause);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                HANDLING.remove();
            } else {
                HANDLING.set(previous);
            }
        }
    }

    static String correlationId() {
        IncomingEvent cause = HANDLING.get();
        if (cause != null) {
            return cause.correlationId() != null ? cause.correlationId() : cause.id();
        }
        return RequestIdFilter.current();
    }

    static String causationId() {
        IncomingEvent cause = HANDLING.get();
        return cause == null ? null : cause.id();
    }
}
