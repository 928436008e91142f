package dev.onewindow.supervision;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TopicReader;
import dev.onewindow.supervision.orders.OrderService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static dev.onewindow.supervision.support.People.auditor;
import static dev.onewindow.supervision.support.People.handler;
import static dev.onewindow.supervision.support.People.supervisor;
import static dev.onewindow.supervision.support.Producers.at;
import static dev.onewindow.supervision.support.TestClockConfiguration.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 督办单 over HTTP with real tokens: a supervisor opens one; unanswered it escalates BLUE → ORANGE → RED on the 2026
 * calendar (2 working days each); the department replies naming the version it read (another version is 409); the
 * supervisor closes it. Other departments and other regions get 404; the events go to the order's topic.
 */
@IntegrationTest
class OrdersIT {

    private static final String ORDERS = "/api/v1/supervision/orders";

    @LocalServerPort
    int port;
    @Autowired
    OrderService orders;

    @AfterEach
    void systemTime() {
        CLOCK.useSystemTime();
    }

    @Test
    void anUnansweredOrderEscalatesBlueOrangeRedThenTheDepartmentRepliesAndTheSupervisorCloses() {
        ApiClient api = ApiClient.localPort(port);
        String supervisor = supervisor("341300");
        String subject = UUID.randomUUID().toString();
        CLOCK.set(at(2026, 3, 2, 10, 0));
        Response opened = api.post(ORDERS).token(supervisor).json(Map.of("source", "CASE", "subjectId", subject,
                "subjectNo", "3413022026030200000001", "region", "341302", "department", "DBDEPT",
                "reason", "办件超期未办结，请说明原因")).send();
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String id = opened.json().path("id").asString();
        assertThat(opened.json().path("severity").asString()).isEqualTo("BLUE");
        // 2 working days from Monday 2 March: the end of Wednesday 4 March
        assertThat(opened.json().path("replyDueAt").asString()).isEqualTo(at(2026, 3, 5, 0, 0).toString());

        assertThat(api.post(ORDERS).token(supervisor("340100")).json(Map.of("source", "CASE", "subjectId", subject,
                "region", "341302", "department", "DBDEPT", "reason", "x")).send().status()).isEqualTo(403);
        assertThat(api.post(ORDERS).token(supervisor).json(Map.of("source", "CASE", "subjectId", subject,
                "region", "341302", "department", "DBDEPT", "reason", "x", "severity", "RED")).send().status())
                .isEqualTo(400);

        CLOCK.set(at(2026, 3, 4, 23, 0));
        assertThat(orders.escalateUnanswered()).isZero();
        CLOCK.set(at(2026, 3, 5, 0, 30));
        orders.escalateUnanswered();
        assertThat(read(api, id, supervisor).path("severity").asString()).isEqualTo("ORANGE");
        // again 2 working days, from Thursday 5 March: the end of Monday 9 March
        CLOCK.set(at(2026, 3, 9, 23, 0));
        orders.escalateUnanswered();
        assertThat(read(api, id, supervisor).path("severity").asString()).isEqualTo("ORANGE");
        CLOCK.set(at(2026, 3, 10, 0, 30));
        orders.escalateUnanswered();
        JsonNode red = read(api, id, supervisor);
        assertThat(red.path("severity").asString()).isEqualTo("RED");
        assertThat(red.path("escalations").asInt()).isEqualTo(2);
        CLOCK.set(at(2026, 3, 13, 0, 30));
        orders.escalateUnanswered();
        assertThat(read(api, id, supervisor).path("escalations").asInt()).isEqualTo(2);
        assertThat(read(api, id, supervisor).path("overdue").asBoolean()).isTrue();
        Response already = api.post(ORDERS + "/" + id + "/escalate").token(supervisor)
                .json(Map.of("version", read(api, id, supervisor).path("version").asLong())).send();
        assertThat(already.status()).isEqualTo(409);
        assertThat(already.json().path("code").asString()).isEqualTo("ALREADY_RED");

        // who sees it: the department, supervisors of the region, auditors; nobody else
        String department = handler("DBDEPT", "341302");
        assertThat(api.get(ORDERS + "/" + id).token(department).send().status()).isEqualTo(200);
        assertThat(api.get(ORDERS + "/" + id).token(auditor()).send().status()).isEqualTo(200);
        assertThat(api.get(ORDERS + "/" + id).token(handler("GAJ", "341302")).send().status()).isEqualTo(404);
        assertThat(api.get(ORDERS + "/" + id).token(supervisor("340100")).send().status()).isEqualTo(404);
        assertThat(api.get(ORDERS).token(department).send().json().path("items").findValuesAsString("id"))
                .contains(id);
        assertThat(api.get(ORDERS).token(handler("GAJ", "341302")).send().json().path("items")
                .findValuesAsString("id")).doesNotContain(id);
        // the orders about one matter, each as far as the caller may see them
        assertThat(api.get(ORDERS + "?subjectId=" + subject).token(supervisor).send().json().path("items")
                .findValuesAsString("id")).containsExactly(id);
        assertThat(api.get(ORDERS + "?subjectId=" + subject).token(department).send().json().path("items")
                .findValuesAsString("id")).containsExactly(id);
        assertThat(api.get(ORDERS + "?subjectId=" + subject).token(supervisor("340100")).send().json()
                .path("items").findValuesAsString("id")).isEmpty();
        assertThat(api.get(ORDERS + "?subjectId=" + UUID.randomUUID()).token(auditor()).send().json()
                .path("items").findValuesAsString("id")).isEmpty();
        assertThat(api.get(ORDERS + "?subjectId=a%20b").token(supervisor).send().status()).isEqualTo(400);

        long version = read(api, id, supervisor).path("version").asLong();
        Response stale = api.post(ORDERS + "/" + id + "/reply").token(department)
                .json(Map.of("version", version - 1, "text", "已整改")).send();
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("code").asString()).isEqualTo("VERSION_MISMATCH");
        assertThat(api.post(ORDERS + "/" + id + "/reply").token(handler("GAJ", "341302"))
                .json(Map.of("version", version, "text", "x")).send().status()).isEqualTo(404);
        Response replied = api.post(ORDERS + "/" + id + "/reply").token(department)
                .json(Map.of("version", version, "text", "已督促承办人员办结，并完善了预警提醒。")).send();
        assertThat(replied.status()).as(replied.toString()).isEqualTo(200);
        assertThat(replied.json().path("status").asString()).isEqualTo("REPLIED");
        assertThat(replied.json().path("replies").get(0).path("onTime").asBoolean()).isFalse();

        Response closed = api.post(ORDERS + "/" + id + "/close").token(supervisor)
                .json(Map.of("version", replied.json().path("version").asLong(), "note", "同意")).send();
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().path("status").asString()).isEqualTo("CLOSED");
        assertThat(api.post(ORDERS + "/" + id + "/close").token(supervisor)
                .json(Map.of("version", closed.json().path("version").asLong())).send().status()).isEqualTo(409);

        try (TopicReader topic = TopicReader.fromBeginning("supervision.supervision-order.events.v1")) {
            List<JsonNode> events = topic.awaitEvents(id, 5, Duration.ofSeconds(30));
            assertThat(events).extracting(e -> e.path("type").asString()).containsExactly(
                    "supervision-order.opened", "supervision-order.escalated", "supervision-order.escalated",
                    "supervision-order.replied", "supervision-order.closed");
            assertThat(events.get(2).path("data").path("severity").asString()).isEqualTo("RED");
            assertThat(events.toString()).doesNotContain("已督促");
        }
    }

    @Test
    void aSecondOrderAboutTheSameMatterStartsOrange() {
        ApiClient api = ApiClient.localPort(port);
        String subject = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("source", "WORK_ORDER", "subjectId", subject, "region", "341302",
                "department", "GAJ", "reason", "重复投诉");
        assertThat(api.post(ORDERS).token(supervisor("341302")).json(body).send().json().path("severity")
                .asString()).isEqualTo("BLUE");
        Response repeat = api.post(ORDERS).token(supervisor("341302")).json(body).send();
        assertThat(repeat.json().path("severity").asString()).isEqualTo("ORANGE");
        assertThat(repeat.json().path("repeated").asBoolean()).isTrue();
    }

    private static JsonNode read(ApiClient api, String id, String token) {
        Response response = api.get(ORDERS + "/" + id).token(token).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
