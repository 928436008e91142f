package dev.onewindow.dataexchange.grants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Expires grants past their expiry every few minutes (configurable); queries check the expiry themselves. */
@Component
class ExpirySweep {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);

    private final GrantService grants;

    ExpirySweep(GrantService grants) {
        this.grants = grants;
    }

    @Scheduled(fixedDelayString = "${onewindow.dataexchange.sweep-interval:5m}",
            initialDelayString = "${onewindow.dataexchange.sweep-interval:5m}")
    void sweep() {
        int expired = grants.expire();
        if (expired > 0) {
            log.info("announced grant.expired for {} grant(s)", expired);
        }
    }
}
