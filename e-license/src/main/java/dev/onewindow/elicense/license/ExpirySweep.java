package dev.onewindow.elicense.license;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Announces licences whose validity has ended: {@code license.expired}, once per licence. Reads only the licences
 * that are due, through the sparse {@code next_expiry} index of each licence's next expiry instant (set at issue,
 * cleared when announced or revoked) — never a scan of every licence. Each announcement is one optimistically locked
 * save of the licence with its event, so two instances sweeping at once cannot announce a licence twice: the loser's
 * save fails and it moves on. Every {@code onewindow.elicense.expiry-sweep-interval} (5 minutes).
 *
 * <p>A licence's status reads {@code EXPIRED} from the day after its last valid day whether or not it has been
 * announced yet: the status is derived from the validity on every read, the sweep only tells the others.
 */
@Component
public class ExpirySweep {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);
    private static final int BATCH = 200;
    /** Bounds one sweep (40,000 licences); what is left is taken by the next. */
    private static final int MAX_BATCHES = 200;

    private final LicenseRepository licenses;
    private final Clock clock;

    public ExpirySweep(LicenseRepository licenses, Clock clock) {
        this.licenses = licenses;
        this.clock = clock;
    }

    /** @return how many licences were announced as expired */
    @Scheduled(fixedDelayString = "${onewindow.elicense.expiry-sweep-interval:5m}",
            initialDelayString = "${onewindow.elicense.expiry-sweep-interval:5m}")
    public int sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int announced = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<License> due = licenses.findByNextExpiryAtLessThanEqualOrderByNextExpiryAtAsc(now,
                    PageRequest.of(0, BATCH));
            int done = 0;
            for (License license : due) {
                try {
                    boolean expired = license.expire(now);
                    licenses.save(license);
                    done++;
                    announced += expired ? 1 : 0;
                } catch (OptimisticLockingFailureException concurrent) {
                    // changed meanwhile (another instance's sweep, a status change): the next round reads it again
                }
            }
            if (due.size() < BATCH || done == 0) {
                break;
            }
        }
        if (announced > 0) {
            log.info("announced {} expired licence(s)", announced);
        }
        return announced;
    }
}
