package dev.onewindow.evaluation.statistics;

import java.time.Instant;
import java.util.List;

/**
 * A change of the statistics, stored in the document whose state change it counts, in the same save (like an event in
 * the outbox), and applied to the counters afterwards — once: each counter document records the ids of the changes
 * it took ({@code applied.<id>}) until the change is acknowledged, so a change applied again after a crash is refused
 * by the counter itself.
 *
 * @param id          the change's id, the key of the counters' ledger
 * @param attribution what the change counts for (its counter documents)
 * @param increments  the increments, negative to take back
 * @param listsKey    whether the change may be the first of its department in the period (a rating): the period's
 *                    list of departments then gets the department
 * @param at          when the change was made
 */
public record CounterChange(String id, Attribution attribution, List<Increment> increments, boolean listsKey,
        Instant at) {

    public CounterChange {
        increments = increments == null ? List.of() : List.copyOf(increments);
    }

    /** One counter field's increment ({@code levels.l3}, {@code rectified}, …). */
    public record Increment(String field, long amount) {
    }
}
