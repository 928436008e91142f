package dev.onewindow.hotline;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import dev.onewindow.hotline.support.Orders;
import dev.onewindow.hotline.support.People;
import dev.onewindow.hotline.support.TestClockConfiguration;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A work order through the whole closed loop over HTTP with real tokens, on the 2026 calendar: registered by an agent,
 * dispatched by the rules with a helper, returned by the lead and re-dispatched, signed by lead and helper, extended
 * with the dispatcher's approval, replied by both, called back unsatisfied twice (reopened each time, the second time
 * sent to supervision), then satisfied and closed — and every step's event on the real broker, in order.
 */
@IntegrationTest
class WorkOrderLifecycleIT {

    static final String TOPIC = "hotline-12345.workorder.events.v1";

    @LocalServerPort
    int port;

    @AfterEach
    void systemTime() {
        TestClockConfiguration.CLOCK.useSystemTime();
    }

    private Orders orders() {
        return new Orders(ApiClient.localPort(port));
    }

    @Test
    void anOrderGoesRoundTheLoopWithReturnCoHandlingExtensionAndReopenOnTheCalendar() {
        Orders orders = orders();
        // Friday 13 February 2026, 10:00: Saturday the 14th is a make-up working day, 15–23 February the Spring
        // Festival holiday
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 2, 13, 10, 0));
        Map<String, Object> call = Orders.phoneCall("ENV-NOISE-CONSTRUCTION", "341302", "NORMAL", "埇桥区银河一路18号");
        JsonNode registered = orders.register(People.agent(), call);
        String id = registered.get("id").asString();
        assertThat(registered.get("status").asString()).isEqualTo("REGISTERED");
        assertThat(registered.get("orderNo").asString()).matches("1234520260213\\d{6}");
        assertThat(registered.get("caller").get("mobile").asString()).isEqualTo("138****5678");
        assertThat(registered.get("deadline").isNull()).isTrue();

        // the rules: construction noise → 自然资源和规划局 leads, 公安局 helps
        JsonNode dispatched = orders.step(People.dispatcher(), id, "dispatch", Map.of());
        assertThat(dispatched.get("leadDepartment").asString()).isEqualTo("ZRZYJ");
        assertThat(dispatched.get("helperDepartments").toString()).isEqualTo("[\"GAJ\"]");
        // sign within 1 working day: the end of Saturday the 14th (a make-up working day)
        assertThat(dispatched.get("deadline").get("phase").asString()).isEqualTo("SIGN");
        assertThat(dispatched.get("deadline").get("dueAt").asString()).isEqualTo("2026-02-14T16:00:00Z");

        // the lead returns it: not theirs; the dispatcher re-dispatches by hand to the district government
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 2, 13, 11, 0));
        JsonNode returned = orders.step(People.handler("ZRZYJ"), id, "return", Map.of("reason", "非本部门职责：属社会生活噪声，来电人13812345678已告知"));
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("returnCount").asInt()).isEqualTo(1);
        // the department that returned it still reads it (it had a part) but acts on it no more
        Response signAfterReturn = orders.call(People.handler("ZRZYJ"), id, "sign", null);
        assertThat(signAfterReturn.status()).isEqualTo(403);
        assertThat(signAfterReturn.json().get("code").asString()).isEqualTo("NOT_ASSIGNED");
        // a department that never had a part does not even find it
        assertThat(orders.call(People.handler("WSJKW"), id, "sign", null).status()).isEqualTo(404);
        JsonNode redispatched = orders.step(People.dispatcher(), id, "dispatch",
                Map.of("lead", "YQQZF", "helpers", List.of("GAJ")));
        assertThat(redispatched.get("leadDepartment").asString()).isEqualTo("YQQZF");

        // the helper signs first (its part), then the lead: the order is SIGNED
        JsonNode helperSigned = orders.step(People.handler("GAJ"), id, "sign", null);
        assertThat(helperSigned.get("status").asString()).isEqualTo("DISPATCHED");
        JsonNode signed = orders.step(People.handler("YQQZF"), id, "sign", null);
        assertThat(signed.get("status").asString()).isEqualTo("SIGNED");
        // reply within 5 working days from the re-dispatch: 14th, 24th, 25th, 26th, 27th February
        assertThat(signed.get("deadline").get("phase").asString()).isEqualTo("REPLY");
        assertThat(signed.get("deadline").get("dueAt").asString()).isEqualTo("2026-02-27T16:00:00Z");

        // an extension needs the dispatcher: +2 working days (28th is a make-up Saturday, then 2 March)
        JsonNode requested = orders.step(People.handler("YQQZF"), id, "extension-requests",
                Map.of("amount", 2, "reason", "需现场监测夜间噪声"));
        assertThat(requested.get("pendingExtension").get("amount").asInt()).isEqualTo(2);
        assertThat(orders.call(People.handler("YQQZF"), id, "extension-requests/decision", Map.of("approve", true))
                .status()).isEqualTo(403);
        JsonNode extended = orders.step(People.dispatcher(), id, "extension-requests/decision",
                Map.of("approve", true, "comment", "同意"));
        assertThat(extended.get("pendingExtension").isNull()).isTrue();
        assertThat(extended.get("deadline").get("dueAt").asString()).isEqualTo("2026-03-02T16:00:00Z");
        assertThat(orders.call(People.handler("YQQZF"), id, "extension-requests",
                Map.of("amount", 1, "reason", "再延")).json().get("code").asString())
                .isEqualTo("EXTENSION_LIMIT_REACHED");

        // the helper replies its part; the order replies when the lead does
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 2, 25, 9, 0));
        JsonNode helperReplied = orders.step(People.handler("GAJ"), id, "reply", Map.of("reply", "已出警劝导"));
        assertThat(helperReplied.get("status").asString()).isEqualTo("SIGNED");
        orders.step(People.handler("YQQZF"), id, "start", null);
        JsonNode replied = orders.step(People.handler("YQQZF"), id, "reply",
                Map.of("reply", "已责令停止夜间施工，并安排夜间巡查。"));
        assertThat(replied.get("status").asString()).isEqualTo("REPLIED");
        // call back within 1 working day of the reply
        assertThat(replied.get("deadline").get("phase").asString()).isEqualTo("CALLBACK");
        assertThat(replied.get("deadline").get("dueAt").asString()).isEqualTo("2026-02-26T16:00:00Z");

        // unsatisfied: reopened on a fresh 5-working-day reply deadline
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 2, 26, 10, 0));
        JsonNode reopened = orders.step(People.agent(), id, "callback",
                Map.of("result", "UNSATISFIED", "comment", "噪声仍在，请回电13812345678"));
        assertThat(reopened.get("status").asString()).isEqualTo("REOPENED");
        assertThat(reopened.get("reopenCount").asInt()).isEqualTo(1);
        // 27 Feb, 28 Feb (make-up Saturday), 2, 3, 4 March
        assertThat(reopened.get("deadline").get("dueAt").asString()).isEqualTo("2026-03-04T16:00:00Z");
        assertThat(reopened.get("escalated").asBoolean()).isFalse();

        orders.step(People.handler("YQQZF"), id, "reply", Map.of("reply", "已再次现场处置"));
        JsonNode escalated = orders.step(People.agent(), id, "callback", Map.of("result", "UNSATISFIED"));
        assertThat(escalated.get("status").asString()).isEqualTo("REOPENED");
        assertThat(escalated.get("escalated").asBoolean()).isTrue();

        orders.step(People.handler("YQQZF"), id, "reply", Map.of("reply", "施工单位已调整作业时间"));
        JsonNode satisfied = orders.step(People.agent(), id, "callback", Map.of("result", "BASICALLY_SATISFIED"));
        assertThat(satisfied.get("status").asString()).isEqualTo("CALLBACK");
        JsonNode closed = orders.step(People.agent(), id, "close", null);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("closedAt").asString()).isEqualTo("2026-02-26T02:00:00Z");

        // illegal now: 409
        Response again = orders.call(People.dispatcher(), id, "dispatch", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("ILLEGAL_STATE_TRANSITION");

        // the history keeps every step
        Response history = ApiClient.localPort(port).get("/api/v1/hotline/orders/" + id + "/history")
                .token(People.dispatcher()).send();
        assertThat(history.json().get("history").valueStream().map(h -> h.get("action").asString()).toList())
                .containsExactly("REGISTER", "DISPATCH", "RETURN", "REDISPATCH", "SIGN", "SIGN", "REQUEST_EXTENSION",
                        "APPROVE_EXTENSION", "REPLY", "START", "REPLY", "REOPEN", "REPLY", "REOPEN", "ESCALATE",
                        "REPLY", "CALLBACK", "CLOSE");

        // every step's event on the broker, in order, sequence strictly increasing, with the due instant
        try (TopicReader reader = TopicReader.fromBeginning(TOPIC)) {
            List<JsonNode> events = reader.awaitEvents(id, 20, Duration.ofSeconds(20));
            assertThat(events.stream().map(e -> e.get("type").asString()).toList()).containsExactly(
                    "workorder.registered", "workorder.dispatched", "workorder.returned", "workorder.dispatched",
                    "workorder.signed", "workorder.signed", "workorder.extension-requested",
                    "workorder.extension-decided", "workorder.replied", "workorder.started", "workorder.replied",
                    "workorder.callback-recorded", "workorder.reopened", "workorder.replied",
                    "workorder.callback-recorded", "workorder.reopened", "workorder.escalated", "workorder.replied",
                    "workorder.callback-recorded", "workorder.closed");
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).get("sequence").asLong()).isEqualTo(i + 1);
            }
            JsonNode firstDispatch = events.get(1).get("data");
            assertThat(firstDispatch.get("deadline").get("dueAt").asString()).isEqualTo("2026-02-14T16:00:00Z");
            assertThat(firstDispatch.get("by").asString()).isEqualTo("RULE");
            assertThat(events.get(16).get("data").get("reason").asString()).isEqualTo("UNSATISFIED_TWICE");
            // never the caller's number or name, in any event
            events.forEach(e -> assertThat(e.toString()).doesNotContain("13812345678").doesNotContain("王小明"));
        }
    }

    @Test
    void urgentOrdersRunOnTheClockRoundTheClockEvenOnAHolidayNight() {
        Orders orders = orders();
        // 03:00 on the third day of the Spring Festival holiday
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 2, 17, 3, 0));
        JsonNode urgent = orders.register(People.agent(),
                Orders.phoneCall("SAFETY-FIRE", "341302", "URGENT", "埇桥区淮河路3号楼道"));
        String id = urgent.get("id").asString();
        JsonNode dispatched = orders.step(People.dispatcher(), id, "dispatch", Map.of("lead", "GAJ"));
        // sign within 30 minutes, reply within 2 hours, by the clock
        assertThat(dispatched.get("deadline").get("unit").asString()).isEqualTo("MINUTES");
        assertThat(dispatched.get("deadline").get("dueAt").asString()).isEqualTo("2026-02-16T19:30:00Z");
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 2, 17, 3, 20));
        assertThat(orders.get(People.dispatcher(), id).get("deadline").get("level").asString()).isEqualTo("GREEN");
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 2, 17, 3, 25));
        assertThat(orders.get(People.dispatcher(), id).get("deadline").get("level").asString()).isEqualTo("YELLOW");
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 2, 17, 3, 31));
        JsonNode late = orders.get(People.dispatcher(), id);
        assertThat(late.get("deadline").get("level").asString()).isEqualTo("RED");
        assertThat(late.get("deadline").get("remaining").asString()).isEqualTo("PT-1M");

        JsonNode signed = orders.step(People.handler("GAJ"), id, "sign", null);
        assertThat(signed.get("deadline").get("unit").asString()).isEqualTo("HOURS");
        assertThat(signed.get("deadline").get("dueAt").asString()).isEqualTo("2026-02-16T21:00:00Z");
        // the red worklist of the department holds it only once it is late
        Response red = ApiClient.localPort(port).get("/api/v1/hotline/orders?level=RED&status=SIGNED")
                .token(People.handler("GAJ")).send();
        assertThat(red.json().get("content").valueStream().map(o -> o.get("id").asString())).doesNotContain(id);
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 2, 17, 5, 1));
        Response later = ApiClient.localPort(port).get("/api/v1/hotline/orders?level=RED&status=SIGNED")
                .token(People.handler("GAJ")).send();
        assertThat(later.json().get("content").valueStream().map(o -> o.get("id").asString())).contains(id);
    }
}
