package dev.onewindow.evaluation.ratings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Reminds unanswered invitations, and settles ratings a crash left unsettled, every few minutes (configurable). */
@Component
class ReminderSweep {

    private static final Logger log = LoggerFactory.getLogger(ReminderSweep.class);

    private final RatingService ratings;

    ReminderSweep(RatingService ratings) {
        this.ratings = ratings;
    }

    @Scheduled(fixedDelayString = "${onewindow.evaluation.sweep-interval:5m}",
            initialDelayString = "${onewindow.evaluation.sweep-interval:5m}")
    void sweep() {
        int reminded = ratings.remindDue();
        if (reminded > 0) {
            log.info("raised rating.reminded for {} invitation(s)", reminded);
        }
        int settled = ratings.settleStale();
        if (settled > 0) {
            log.warn("settled {} rating(s) whose counters or rectification were left pending", settled);
        }
    }
}
