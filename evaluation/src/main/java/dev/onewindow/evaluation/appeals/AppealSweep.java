package dev.onewindow.evaluation.appeals;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Raises overdue appeals, and settles appeals a crash left unsettled, every few minutes (configurable). */
@Component
class AppealSweep {

    private static final Logger log = LoggerFactory.getLogger(AppealSweep.class);

    private final AppealService appeals;

    AppealSweep(AppealService appeals) {
        this.appeals = appeals;
    }

    @Scheduled(fixedDelayString = "${onewindow.evaluation.sweep-interval:5m}",
            initialDelayString = "${onewindow.evaluation.sweep-interval:5m}")
    void sweep() {
        int raised = appeals.raiseOverdue();
        if (raised > 0) {
            log.info("raised appeal.overdue for {} appeal(s)", raised);
        }
        int settled = appeals.settleStale();
        if (settled > 0) {
            log.warn("settled {} upheld appeal(s) whose follow-up was left pending", settled);
        }
    }
}
