package dev.onewindow.evaluation.rectifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the overdue check of rectifications, and settles what a crash left unsettled, every few minutes. */
@Component
class OverdueSweep {

    private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);

    private final RectificationService rectifications;

    OverdueSweep(RectificationService rectifications) {
        this.rectifications = rectifications;
    }

    @Scheduled(fixedDelayString = "${onewindow.evaluation.sweep-interval:5m}",
            initialDelayString = "${onewindow.evaluation.sweep-interval:5m}")
    void sweep() {
        int raised = rectifications.raiseOverdue();
        if (raised > 0) {
            log.info("raised rectification.overdue for {} rectification(s)", raised);
        }
        int byDefault = rectifications.confirmDueByDefault();
        if (byDefault > 0) {
            log.info("closed {} rectification(s) as satisfied by default (no answer from the rater)", byDefault);
        }
        int settled = rectifications.settleStale();
        if (settled > 0) {
            log.warn("settled {} rectification(s) whose counters were left pending", settled);
        }
    }
}
