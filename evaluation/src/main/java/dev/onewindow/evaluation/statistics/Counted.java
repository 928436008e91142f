package dev.onewindow.evaluation.statistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import dev.onewindow.platform.events.AggregateRoot;

/**
 * An aggregate whose changes move the statistics. A command records its counter change with {@link #count} in the
 * aggregate's own document, so the one save stores the state change and the counter change together; what is still to
 * do after the save (the counters, and any document the change implies elsewhere) is marked by {@code pendingSince}
 * until {@link PendingCounts} acknowledges it. A crash between the save and the counters leaves the change pending,
 * and the sweep settles it later; a crash after the counters took it is harmless too, since they refuse it again.
 *
 * <p>{@code countingClaim} is the lease of a sweep settling the document (so two settlers never both take and then
 * forget a change); it is a mapped field so that a save of the document keeps it.
 */
public abstract class Counted extends AggregateRoot {

    private List<CounterChange> counterChanges = new ArrayList<>();
    private Instant pendingSince;
    private Instant countingClaim;

    /** Records {@code change} for {@code attribution} with this state change; nothing if it changes nothing. */
    protected final void count(Attribution attribution, StatisticsCounters.Change change, boolean listsKey,
            Instant now) {
        if (change.isEmpty()) {
            return;
        }
        counterChanges.add(new CounterChange(UUID.randomUUID().toString(), attribution, change.increments(),
                listsKey, now));
        pending(now);
    }

    /** Marks work to do after the save (a follow-up in another document) even without a counter change. */
    protected final void pending(Instant now) {
        if (pendingSince == null) {
            pendingSince = now;
        }
    }

    /** The counter changes stored with the document and not yet acknowledged. */
    public List<CounterChange> pendingCounts() {
        return Collections.unmodifiableList(counterChanges);
    }

    /** Since when something is pending after a save; {@code null} when everything is settled. */
    public Instant pendingSince() {
        return pendingSince;
    }

    /** Whether a sweep holds the document now (then only that sweep settles it). */
    public boolean claimed(Instant now) {
        return countingClaim != null && countingClaim.isAfter(now);
    }

    /** The id of the document, whatever the aggregate calls it. */
    public abstract String id();
}
