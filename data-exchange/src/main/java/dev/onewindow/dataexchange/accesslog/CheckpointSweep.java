package dev.onewindow.dataexchange.accesslog;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Signs and publishes the access log's heads at intervals ({@code onewindow.dataexchange.access-log.checkpoint-interval}). */
@Component
class CheckpointSweep {

    private final AccessLogService log;

    CheckpointSweep(AccessLogService log) {
        this.log = log;
    }

    @Scheduled(fixedDelayString = "${onewindow.dataexchange.access-log.checkpoint-interval:1m}",
            initialDelayString = "${onewindow.dataexchange.access-log.checkpoint-interval:1m}")
    void seal() {
        log.seal();
    }
}
