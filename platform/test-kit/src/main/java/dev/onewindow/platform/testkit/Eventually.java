package dev.onewindow.platform.testkit;

import java.time.Duration;
import java.time.Instant;

/**
 * Retries an assertion until it holds or time runs out, for effects that arrive through a topic (a consumer's
 * update, an outbox relay). The last failure is rethrown, so the report says what was still wrong.
 */
public final class Eventually {

    private Eventually() {
    }

    public static void holds(Duration timeout, Runnable assertion) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
