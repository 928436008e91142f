package dev.onewindow.hotline.orders.messaging;

import dev.onewindow.hotline.orders.WorkOrderService;
import dev.onewindow.platform.events.EventHandlers;
import dev.onewindow.platform.events.EventReader;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Merged orders share one handling: when an order is replied, the orders merged into it get the same reply, each for
 * its own caller's callback. Driven by the order's own {@code workorder.replied} from the topic rather than in the
 * replying request, so a reply reaches every merged caller even if the service stops right after the save; applying
 * it twice changes nothing (a merged order takes the reply only once).
 */
@Component
class MergedOrdersListener {

    static final String TOPIC = "hotline-12345.workorder.events.v1";

    private final EventHandlers handlers;

    MergedOrdersListener(EventReader events, WorkOrderService orders) {
        this.handlers = EventHandlers.using(events).on("workorder.replied", Replied.class, (event, replied) -> {
            // most orders have nothing merged into them: the event says so, and nothing is loaded
            if ("LEAD".equals(replied.role()) && replied.mergedOrderIds() != null
                    && !replied.mergedOrderIds().isEmpty()) {
                orders.replyMergedOrders(replied.orderId());
            }
        });
    }

    @KafkaListener(topics = TOPIC, groupId = "hotline-12345.merged-replies")
    void on(String record) {
        handlers.handle(record);
    }

    /** The fields of {@code workorder.replied} this listener reads. */
    record Replied(String orderId, String role, java.util.List<String> mergedOrderIds) {
    }
}
