package dev.onewindow.supervision.watch.messaging;

import java.time.Instant;

import dev.onewindow.supervision.watch.Phases;
import dev.onewindow.supervision.watch.WatchService;

/**
 * 申诉期间暂停计时, recounted: a department's appeal of the bad rating pauses the rectification's clock from its filing
 * ({@code appeal.filed}); rejected ({@code appeal.decided}, not upheld), the clock runs again — its due instant later
 * by the working time the appeal took, on supervision's own calendar; upheld, the rectification is withdrawn and its
 * clock stops (its alerts cleared). The appeal's events have the appeal's own sequence, not the rectification's, so
 * each is remembered on the rectification's matter as a fact and applied once however often it is delivered; and
 * as the appeal topic is read apart from the rectification topic, a rectification opened after its appeal was read
 * (a replay, a lagging partition) takes the remembered pause and decision when it opens.
 */
final class RectificationAppeals {

    private static final String FILED = "appeal-filed:";
    private static final String REJECTED = "appeal-rejected:";
    private static final String UPHELD = "appeal-upheld:";

    private RectificationAppeals() {
    }

    /** {@code appeal.filed}: the rectification's clock pauses from {@code filedAt}, once. */
    static void filed(WatchService.Step step, String appealId, Instant filedAt) {
        String fact = FILED + appealId + "@" + filedAt;
        if (!step.fact(fact)) {
            step.remember(fact);
            pause(step, appealId, filedAt);
        }
    }

    /** {@code appeal.decided}: rejected, the clock resumes from {@code decidedAt}; upheld, it stops then. Once. */
    static void decided(WatchService.Step step, String appealId, boolean upheld, Instant decidedAt) {
        String fact = (upheld ? UPHELD : REJECTED) + appealId + "@" + decidedAt;
        if (!step.fact(fact)) {
            step.remember(fact);
            end(step, upheld, decidedAt);
        }
    }

    /** After a rectification round started: the appeals already read that fall within it, as if read in order. */
    static void reapply(WatchService.Step step) {
        Instant started = step.clock(Phases.RECTIFICATION).map(c -> c.clock().startedAt()).orElse(null);
        if (started == null) {
            return;
        }
        for (String filed : step.facts(FILED)) {
            String appealId = appealId(filed, FILED);
            Instant filedAt = instant(filed);
            if (filedAt.isBefore(started)) {
                continue; // an appeal of an earlier round
            }
            pause(step, appealId, filedAt);
            for (String prefix : new String[] {REJECTED, UPHELD}) {
                for (String decided : step.facts(prefix + appealId + "@")) {
                    end(step, prefix.equals(UPHELD), instant(decided));
                }
            }
        }
    }

    private static void pause(WatchService.Step step, String appealId, Instant filedAt) {
        step.pause(Phases.RECTIFICATION, "APPEAL " + appealId, filedAt);
    }

    private static void end(WatchService.Step step, boolean upheld, Instant decidedAt) {
        if (upheld) {
            step.stop(Phases.RECTIFICATION, decidedAt);
        } else {
            step.resume(Phases.RECTIFICATION, decidedAt);
        }
    }

    private static String appealId(String fact, String prefix) {
        return fact.substring(prefix.length(), fact.indexOf('@'));
    }

    private static Instant instant(String fact) {
        return Instant.parse(fact.substring(fact.indexOf('@') + 1));
    }
}
