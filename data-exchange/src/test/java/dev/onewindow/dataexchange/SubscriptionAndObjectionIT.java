package dev.onewindow.dataexchange;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import dev.onewindow.dataexchange.support.Exchange;
import dev.onewindow.dataexchange.support.People;
import dev.onewindow.dataexchange.support.TestClockConfiguration;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 数据回流 and 数据疑义 over HTTP with real tokens and the real broker: a subscriber hears of a pushed dataset's
 * changes limited to its grant's fields (personal ones by name only); an objection runs on the provider's clock —
 * 5 working days on the 2026 calendar, 劳动节 within — and says whether the answer came on time.
 */
@IntegrationTest
class SubscriptionAndObjectionIT {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper
            .builder().build();
    private static final String ZHANG_WEI = "341302199003071234";

    @LocalServerPort
    int port;
    Exchange exchange;

    @BeforeEach
    void setUp() {
        exchange = new Exchange(ApiClient.localPort(port));
    }

    @AfterEach
    void systemTime() {
        TestClockConfiguration.CLOCK.useSystemTime();
    }

    @Test
    void aSubscriberHearsOfChangesLimitedToItsGrantedFields() {
        String code = Exchange.code("RSJ");
        exchange.registered("RSJ", code, Exchange.socialInsurance("UNCONDITIONAL"));
        exchange.push("RSJ", code, List.of(Map.of("idNumber", ZHANG_WEI, "name", "张伟", "insuranceType", "城镇职工",
                "insuredStatus", "正常参保", "employer", "示范餐饮", "monthlyBase", 5200)));
        String grant = exchange.requested("WSJKW", code, List.of("idNumber", "name", "insuredStatus"), List.of(),
                Instant.now().plus(Duration.ofDays(30)), null).path("grantId").asString();
        Response subscribed = exchange.api().post("/api/v1/exchange/subscriptions").token(People.consumer("WSJKW"))
                .json(Map.of("grantId", grant)).send();
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
        assertThat(exchange.api().post("/api/v1/exchange/subscriptions").token(People.consumer("WSJKW"))
                .json(Map.of("grantId", grant)).send().json().path("code").asString()).isEqualTo("ALREADY_SUBSCRIBED");

        // the status, the name, the employer and the base change: the grant gives status and name only
        Response pushed = exchange.push("RSJ", code, List.of(Map.of("idNumber", ZHANG_WEI, "name", "张维",
                "insuranceType", "城镇职工", "insuredStatus", "暂停缴费", "employer", "另一单位", "monthlyBase", 6000)));
        assertThat(pushed.json().path("updated").asInt()).isEqualTo(1);
        // an unchanged push announces nothing
        exchange.push("RSJ", code, List.of(Map.of("idNumber", ZHANG_WEI, "insuredStatus", "暂停缴费")));

        try (TopicReader reader = TopicReader.fromBeginning("data-exchange.dataset.events.v1")) {
            var records = reader.awaitRecords(r -> r.stream().anyMatch(c -> c.value().contains(
                    subscribed.json().path("id").asString())), Duration.ofSeconds(20));
            JsonNode event = records.stream().map(r -> JSON.readTree(r.value())).filter(e -> e.path("data").path("subscriptionId").asString()
                    .equals(subscribed.json().path("id").asString())).findFirst().orElseThrow();
            JsonNode data = event.path("data");
            assertThat(event.path("type").asString()).isEqualTo("dataset.changed");
            assertThat(data.path("changedFields").toString()).isEqualTo("[\"name\",\"insuredStatus\"]");
            assertThat(data.path("values").toString()).isEqualTo("[{\"field\":\"insuredStatus\",\"value\":\"暂停缴费\"}]");
            assertThat(data.path("personalFieldsChanged").toString()).isEqualTo("[\"name\"]");
            assertThat(event.toString()).doesNotContain("张").doesNotContain("另一单位").doesNotContain("6000")
                    .doesNotContain(ZHANG_WEI);
        }
        // the changed name is read through a logged query, masked as granted
        assertThat(exchange.query("WSJKW", grant, ZHANG_WEI).json().path("records").get(0).path("name").asString())
                .isEqualTo("张*");
    }

    @Test
    void anObjectionIsAnsweredOnTheProvidersFiveWorkingDayClock() {
        String code = Exchange.code("RSJ");
        exchange.registered("RSJ", code, Exchange.socialInsurance("UNCONDITIONAL"));
        exchange.push("RSJ", code, List.of(Map.of("idNumber", ZHANG_WEI, "insuredStatus", "正常参保")));
        String grant = exchange.requested("WSJKW", code, List.of("idNumber", "insuredStatus"), List.of(),
                Instant.now().plus(Duration.ofDays(400)), null).path("grantId").asString();
        String accessId = exchange.query("WSJKW", grant, ZHANG_WEI).json().path("accessId").asString();

        // Tuesday 28 April 2026: 劳动节 (1–5 May) falls within; Saturday 9 May is worked but after the limit
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 4, 28, 10, 0));
        Response raised = exchange.api().post("/api/v1/exchange/objections").token(People.consumer("WSJKW"))
                .json(Map.of("grantId", grant, "accessId", accessId, "recordKey", ZHANG_WEI,
                        "fields", List.of("insuredStatus"), "description", "该人员已于2026年1月停保")).send();
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        String id = raised.json().path("id").asString();
        assertThat(raised.json().path("dueAt").asString()).isEqualTo("2026-05-08T16:00:00Z");
        // fields the grant does not give cannot be objected to
        assertThat(exchange.api().post("/api/v1/exchange/objections").token(People.consumer("WSJKW"))
                .json(Map.of("grantId", grant, "fields", List.of("name"), "description", "x")).send().json()
                .path("code").asString()).isEqualTo("FIELD_NOT_GRANTED");
        // the provider's steward sees the record's key, another department nothing
        assertThat(exchange.api().get("/api/v1/exchange/objections/" + id).token(People.steward("RSJ")).send()
                .json().path("recordKey").asString()).isEqualTo(ZHANG_WEI);
        assertThat(exchange.api().get("/api/v1/exchange/objections/" + id).token(People.steward("GAJ")).send()
                .status()).isEqualTo(404);

        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 5, 11, 9, 0));
        assertThat(exchange.api().get("/api/v1/exchange/objections/" + id).token(People.steward("RSJ")).send()
                .json().path("overdue").asBoolean()).isTrue();
        Response resolved = exchange.api().post("/api/v1/exchange/objections/" + id + "/resolution")
                .token(People.steward("RSJ")).json(Map.of("resolution", "CORRECTED", "reply", "已更正并重新推送"))
                .send();
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.json().path("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.json().path("onTime").asBoolean()).isFalse();
        assertThat(exchange.api().post("/api/v1/exchange/objections/" + id + "/resolution")
                .token(People.steward("RSJ")).json(Map.of("resolution", "CONFIRMED", "reply", "再答")).send()
                .status()).isEqualTo(409);

        try (TopicReader reader = TopicReader.fromBeginning("data-exchange.objection.events.v1")) {
            List<JsonNode> events = reader.awaitEvents(id, 2, Duration.ofSeconds(20));
            assertThat(events.get(0).path("data").path("dueAt").asString()).isEqualTo("2026-05-08T16:00:00Z");
            assertThat(events.get(1).path("data").path("onTime").asBoolean()).isFalse();
            assertThat(events.toString()).doesNotContain(ZHANG_WEI).doesNotContain("停保");
        }
    }
}
