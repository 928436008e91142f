package dev.onewindow.supervision;

import java.time.Instant;
import java.util.UUID;

import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.supervision.support.Producers;
import dev.onewindow.supervision.support.Watching;
import dev.onewindow.supervision.watch.WatchService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.node.ObjectNode;

import static dev.onewindow.supervision.support.Producers.at;
import static dev.onewindow.supervision.support.Producers.orderEvent;
import static dev.onewindow.supervision.support.Producers.ratingEvent;
import static dev.onewindow.supervision.support.Producers.rectificationEvent;
import static dev.onewindow.supervision.support.TestClockConfiguration.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each flag of the watch, raised once from the producers' real events (hotline-12345's and evaluation's golden
 * samples; data-exchange's event fields): a work order's step over its limit, repeated returns, an escalated
 * unsatisfied callback, a bad rating, an overdue and an escalated rectification, an undecided share request.
 */
@IntegrationTest
class FlagsIT {

    @Autowired
    WatchService watch;
    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void systemTime() {
        CLOCK.useSystemTime();
    }

    private static void deadline(ObjectNode data, String phase, Instant startedAt, int limit, String unit) {
        ObjectNode d = data.putObject("deadline");
        d.put("phase", phase).put("startedAt", startedAt.toString()).put("limit", limit).put("unit", unit);
        d.putArray("extensions");
        d.put("dueAt", startedAt.toString()).put("level", "GREEN").put("remaining", "PT0S");
    }

    @Test
    void anUrgentOrderNotSignedWithinThirtyMinutesIsOverItsStepLimitUntilSigned() {
        Watching watching = new Watching(mongo);
        String orderId = UUID.randomUUID().toString();
        Instant dispatched = at(2026, 3, 7, 22, 0); // a Saturday night: minutes run around the clock
        CLOCK.set(dispatched.plusSeconds(60));
        orderEvent("workorder.dispatched", orderId, 3, dispatched, d -> {
            d.put("leadDepartment", "GAJ").put("region", "341302");
            deadline(d, "SIGN", dispatched, 30, "MINUTES");
        });
        watching.applied(Source.WORK_ORDER, orderId, 3);
        CLOCK.set(dispatched.plusSeconds(23 * 60));
        watch.sweep();
        assertThat(watching.alerts(orderId)).isEmpty();
        CLOCK.set(dispatched.plusSeconds(25 * 60));
        watch.sweep();
        assertThat(watching.alerts(orderId)).containsExactly("DEADLINE_WARNING OPEN");
        CLOCK.set(dispatched.plusSeconds(31 * 60));
        watch.sweep();
        watch.sweep();
        assertThat(watching.alerts(orderId)).containsExactly("DEADLINE_WARNING OPEN", "STEP_OVER_LIMIT OPEN");

        orderEvent("workorder.signed", orderId, 4, dispatched.plusSeconds(40 * 60), d -> {
            d.put("leadDepartment", "GAJ").put("region", "341302").put("role", "LEAD").put("department", "GAJ")
                    .put("signedAt", dispatched.plusSeconds(40 * 60).toString());
            deadline(d, "REPLY", dispatched, 2, "HOURS");
        });
        watching.applied(Source.WORK_ORDER, orderId, 4);
        assertThat(watching.alerts(orderId)).containsExactly("DEADLINE_WARNING CLEARED", "STEP_OVER_LIMIT CLEARED");
    }

    @Test
    void aWorkOrderReturnedTwiceIsFlaggedOnceAndAnEscalatedCallbackOnce() {
        Watching watching = new Watching(mongo);
        String orderId = UUID.randomUUID().toString();
        CLOCK.set(at(2026, 3, 2, 12, 0));
        Runnable secondReturn = () -> orderEvent("workorder.returned", orderId, 4, at(2026, 3, 2, 11, 0),
                d -> d.put("returnCount", 2).put("department", "YQSCJGJ"));
        orderEvent("workorder.returned", orderId, 2, at(2026, 3, 2, 10, 0),
                d -> d.put("returnCount", 1).put("department", "YQSCJGJ"));
        watching.applied(Source.WORK_ORDER, orderId, 2);
        assertThat(watching.alerts(orderId)).isEmpty();
        secondReturn.run();
        orderEvent("workorder.returned", orderId, 6, at(2026, 3, 2, 11, 30),
                d -> d.put("returnCount", 3).put("department", "YQZFJ"));
        secondReturn.run();
        watching.applied(Source.WORK_ORDER, orderId, 6);
        assertThat(watching.alerts(orderId)).containsExactly("REPEATED_RETURNS OPEN");

        Runnable escalated = () -> orderEvent("workorder.escalated", orderId, 9, at(2026, 3, 2, 11, 50),
                d -> d.put("leadDepartment", "YQSCJGJ").put("region", "341302"));
        escalated.run();
        escalated.run();
        orderEvent("workorder.closed", orderId, 10, at(2026, 3, 2, 11, 55), d -> d.put("region", "341302"));
        watching.applied(Source.WORK_ORDER, orderId, 10);
        assertThat(watching.alerts(orderId)).containsExactly("REPEATED_RETURNS OPEN", "CALLBACK_UNSATISFIED OPEN");
        // RED flags of work orders open a 督办单 to the lead department
        assertThat(watching.orders(orderId)).singleElement()
                .satisfies(o -> assertThat(o.getString("department")).isEqualTo("YQSCJGJ"));
    }

    @Test
    void badRatingsAndRectificationsAreFlaggedOnce() {
        Watching watching = new Watching(mongo);
        String bad = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();
        String rectification = UUID.randomUUID().toString();
        CLOCK.set(at(2026, 3, 2, 10, 30));
        ratingEvent("rating.submitted", bad, 3, at(2026, 3, 2, 10, 0), d -> d.put("level", 1).put("bad", true));
        ratingEvent("rating.submitted", bad, 3, at(2026, 3, 2, 10, 0), d -> d.put("level", 1).put("bad", true));
        ratingEvent("rating.submitted", good, 3, at(2026, 3, 2, 10, 0), d -> d.put("level", 4).put("bad", false));
        rectificationEvent("rectification.opened", rectification, 1, at(2026, 3, 2, 10, 0),
                d -> d.put("openedAt", at(2026, 3, 2, 10, 0).toString()));
        watching.applied(Source.RATING, bad, 3);
        watching.applied(Source.RATING, good, 3);
        watching.applied(Source.RECTIFICATION, rectification, 1);
        assertThat(watching.alerts(bad)).containsExactly("BAD_RATING OPEN");
        assertThat(watching.alerts(good)).isEmpty();

        // opened Monday 2 March with 5 working days: overdue after Monday 9 March
        CLOCK.set(at(2026, 3, 10, 0, 30));
        watch.sweep();
        watch.sweep();
        assertThat(watching.alerts(rectification)).containsExactly("DEADLINE_WARNING OPEN",
                "RECTIFICATION_OVERDUE OPEN");
        rectificationEvent("rectification.escalated", rectification, 4, at(2026, 3, 10, 9, 0),
                d -> d.put("escalatedAt", at(2026, 3, 10, 9, 0).toString()));
        rectificationEvent("rectification.escalated", rectification, 4, at(2026, 3, 10, 9, 0),
                d -> d.put("escalatedAt", at(2026, 3, 10, 9, 0).toString()));
        watching.applied(Source.RECTIFICATION, rectification, 4);
        assertThat(watching.alerts(rectification)).containsExactly("DEADLINE_WARNING CLEARED",
                "RECTIFICATION_OVERDUE CLEARED", "BAD_RATING_ESCALATED OPEN");
    }

    @Test
    void aConditionalShareRequestUndecidedForTenWorkingDaysIsOverdueAnAnsweredObjectionIsNot() {
        Watching watching = new Watching(mongo);
        String request = UUID.randomUUID().toString();
        String objection = UUID.randomUUID().toString();
        CLOCK.set(at(2026, 3, 2, 10, 30));
        Producers.dataExchangeEvent(Producers.SHARE_TOPIC, "share.requested", "share", request, 1,
                at(2026, 3, 2, 10, 0), "341300", d -> d.put("requestId", request).put("resourceCode", "R-GAJ-001")
                        .put("providerDepartment", "GAJ").put("consumerDepartment", "SCJGJ").put("region", "341300")
                        .put("requestedAt", at(2026, 3, 2, 10, 0).toString())
                        .put("dueAt", at(2026, 3, 17, 0, 0).toString()));
        Producers.dataExchangeEvent(Producers.OBJECTION_TOPIC, "objection.raised", "objection", objection, 1,
                at(2026, 3, 2, 10, 0), "341300", d -> d.put("objectionId", objection).put("resourceCode", "R-GAJ-001")
                        .put("providerDepartment", "GAJ").put("raisedAt", at(2026, 3, 2, 10, 0).toString()));
        Producers.dataExchangeEvent(Producers.OBJECTION_TOPIC, "objection.resolved", "objection", objection, 2,
                at(2026, 3, 5, 10, 0), "341300", d -> d.put("objectionId", objection).put("resourceCode", "R-GAJ-001")
                        .put("providerDepartment", "GAJ").put("resolvedAt", at(2026, 3, 5, 10, 0).toString()));
        watching.applied(Source.SHARE_REQUEST, request, 1);
        watching.applied(Source.OBJECTION, objection, 2);

        // 10 working days from Monday 2 March: the end of Monday 16 March
        CLOCK.set(at(2026, 3, 16, 23, 0));
        watch.sweep();
        assertThat(watching.alerts(request)).containsExactly("DEADLINE_WARNING OPEN");
        CLOCK.set(at(2026, 3, 17, 0, 30));
        watch.sweep();
        assertThat(watching.alerts(request)).containsExactly("DEADLINE_WARNING OPEN", "DEADLINE_OVERDUE OPEN");
        assertThat(watching.alerts(objection)).isEmpty();
    }
}
