package dev.onewindow.platform.events;

import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Load, apply, save — again when someone else saved the same aggregate in between. For work without a user waiting
 * for a 409 (event consumers, schedulers): the command is re-run on the fresh state, a few times, then the conflict
 * is thrown on (the listener container retries the record later).
 */
public final class OptimisticRetry {

    static final int ATTEMPTS = 5;

    private OptimisticRetry() {
    }

    /** Runs {@code command} (which must load what it changes) until its save does not collide. */
    public static <T> T run(Supplier<T> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get();
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
