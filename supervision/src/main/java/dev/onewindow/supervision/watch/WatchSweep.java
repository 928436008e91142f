package dev.onewindow.supervision.watch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the watch's sweep every few seconds (configurable): only the matters whose next instant has come are read; then
 * the KPI counts a crash left pending (only the matters the sparse {@code pendingSince} index holds).
 */
@Component
class WatchSweep {

    private static final Logger log = LoggerFactory.getLogger(WatchSweep.class);

    private final WatchService watch;

    WatchSweep(WatchService watch) {
        this.watch = watch;
    }

    @Scheduled(fixedDelayString = "${onewindow.supervision.sweep-interval:10s}",
            initialDelayString = "${onewindow.supervision.sweep-interval:10s}")
    void sweep() {
        int swept;
        do {
            swept = watch.sweep();
            if (swept > 0) {
                log.debug("swept {} watched matter(s)", swept);
            }
        } while (swept > 0 && swept == watch.batchSize());
        int settled;
        do {
            settled = watch.settleCounts();
        } while (settled > 0 && settled == watch.batchSize());
    }
}
