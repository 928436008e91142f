package dev.onewindow.supervision.orders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Escalates unanswered supervision orders, with the watch's sweep interval. */
@Component
class OrderSweep {

    private static final Logger log = LoggerFactory.getLogger(OrderSweep.class);

    private final OrderService orders;

    OrderSweep(OrderService orders) {
        this.orders = orders;
    }

    @Scheduled(fixedDelayString = "${onewindow.supervision.sweep-interval:10s}",
            initialDelayString = "${onewindow.supervision.sweep-interval:10s}")
    void sweep() {
        int escalated = orders.escalateUnanswered();
        if (escalated > 0) {
            log.info("escalated {} unanswered supervision order(s)", escalated);
        }
    }
}
