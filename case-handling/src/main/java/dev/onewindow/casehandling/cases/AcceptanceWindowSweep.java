package dev.onewindow.casehandling.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stores the 逾期未告知 flag on submissions whose acceptance window passed (reads compute it anyway; the stored flag
 * lets others query it). Finds them through the {@code acceptance_window} index instead of scanning all cases, and
 * sets the flag with an atomic update that leaves the case's version alone: the sweep must never make an officer's
 * concurrent accept fail. If that accept wins, it records the lateness itself.
 */
@Component
class AcceptanceWindowSweep {

    private static final Logger log = LoggerFactory.getLogger(AcceptanceWindowSweep.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    AcceptanceWindowSweep(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${onewindow.casehandling.overdue-sweep-interval:5m}",
            initialDelayString = "${onewindow.casehandling.overdue-sweep-interval:5m}")
    public long sweep() {
        Instant now = clock.instant();
        // through the driver directly: MongoTemplate would increment the @Version of a versioned entity
        long flagged = mongo.getCollection(mongo.getCollectionName(Case.class)).updateMany(
                Filters.and(Filters.eq("status", CaseStatus.SUBMITTED.name()), Filters.eq("acceptanceOverdue", false),
                        Filters.lt("acceptanceDueAt", Date.from(now))),
                Updates.set("acceptanceOverdue", true)).getModifiedCount();
        if (flagged > 0) {
            log.info("flagged {} submission(s) not accepted within the acceptance window", flagged);
        }
        return flagged;
    }
}
