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
 * Share requests over HTTP with real tokens and the real broker: unconditional resources granted at once,
 * conditional ones decided by the provider on its clock (10 working days on the 2026 calendar), not-shared ones
 * refused; the catalog's own rules (who maintains, who reads, optimistic locking); each party sees only its own.
 */
@IntegrationTest
class SharingIT {

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
    void anUnconditionalResourceIsGrantedAtOnceAndAnnounced() {
        String code = Exchange.code("SCJGJ");
        exchange.registered("SCJGJ", code, Exchange.enterprises("UNCONDITIONAL", "scjgj"));
        JsonNode request = exchange.requested("WSJKW", code, List.of("uscc", "entityName"), List.of(),
                Instant.now().plus(Duration.ofDays(30)), null);

        assertThat(request.path("status").asString()).isEqualTo("GRANTED");
        assertThat(request.path("dueAt").isNull()).isTrue();
        String grantId = request.path("grantId").asString();
        JsonNode grant = exchange.api().get("/api/v1/exchange/grants/" + grantId).token(People.consumer("WSJKW"))
                .send().json();
        assertThat(grant.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(grant.path("quota").asInt()).isEqualTo(600);
        assertThat(grant.path("fields").toString()).isEqualTo("[\"uscc\",\"entityName\"]");
        try (TopicReader reader = TopicReader.fromBeginning("data-exchange.share.events.v1",
                "data-exchange.resource.events.v1")) {
            List<JsonNode> events = reader.awaitEvents(request.path("id").asString(), 2, Duration.ofSeconds(20));
            assertThat(events).extracting(e -> e.path("type").asString())
                    .containsExactly("share.requested", "share.granted");
            assertThat(events.get(1).path("data").path("automatic").asBoolean()).isTrue();
            assertThat(reader.awaitEvents(code, 1, Duration.ofSeconds(20)).get(0).path("type").asString())
                    .isEqualTo("resource.registered");
        }
    }

    @Test
    void aConditionalRequestWaitsTenWorkingDaysOnThe2026CalendarAndIsGrantedNarrowedOrRejected() {
        String code = Exchange.code("RSJ");
        exchange.registered("RSJ", code, Exchange.socialInsurance("CONDITIONAL"));
        // Wednesday 23 September 2026: 中秋 (25–27 Sep) and 国庆 (1–7 Oct) fall within, Saturday 10 Oct is worked
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 9, 23, 10, 0));
        Instant until = LocalDateTime.of(2027, 6, 30, 0, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        JsonNode asked = exchange.requested("WSJKW", code, List.of("idNumber", "name", "insuredStatus",
                "monthlyBase"), List.of("name"), until, 30);

        assertThat(asked.path("status").asString()).isEqualTo("PENDING");
        assertThat(asked.path("dueAt").asString()).isEqualTo("2026-10-14T16:00:00Z");
        assertThat(asked.path("grantId").isNull()).isTrue();

        // the provider approves fewer fields, on time (a Tuesday within the limit)
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 10, 13, 15, 0));
        Response approved = exchange.decide("RSJ", asked.path("id").asString(), Map.of("approve", true,
                "fields", List.of("idNumber", "name", "insuredStatus"), "quota", 5));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("GRANTED");
        assertThat(approved.json().path("onTime").asBoolean()).isTrue();
        JsonNode grant = exchange.api().get("/api/v1/exchange/grants/" + approved.json().path("grantId").asString())
                .token(People.steward("RSJ")).send().json();
        assertThat(grant.path("fields").toString()).isEqualTo("[\"idNumber\",\"name\",\"insuredStatus\"]");
        assertThat(grant.path("unmaskedFields").toString()).isEqualTo("[\"name\"]");
        assertThat(grant.path("quota").asInt()).isEqualTo(5);
        // deciding twice is a conflict
        assertThat(exchange.decide("RSJ", asked.path("id").asString(), Map.of("approve", true)).status())
                .isEqualTo(409);
        // a grant never gives more than was asked
        JsonNode again = exchange.requested("WSJKW", code, List.of("insuredStatus"), List.of(), until, null);
        assertThat(again.path("dueAt").asString()).isEqualTo("2026-10-27T16:00:00Z");
        Response more = exchange.decide("RSJ", again.path("id").asString(), Map.of("approve", true,
                "fields", List.of("insuredStatus", "employer")));
        assertThat(more.status()).isEqualTo(400);
        assertThat(more.json().path("code").asString()).isEqualTo("FIELD_NOT_REQUESTED");

        // a rejection says why, and after the due date it is late; the event carries the due instant
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 10, 28, 9, 0));
        assertThat(exchange.decide("RSJ", again.path("id").asString(), Map.of("approve", false)).json()
                .path("code").asString()).isEqualTo("REASON_REQUIRED");
        JsonNode late = exchange.api().get("/api/v1/exchange/share-requests/" + again.path("id").asString())
                .token(People.steward("WSJKW")).send().json();
        assertThat(late.path("overdue").asBoolean()).isTrue();
        Response rejected = exchange.decide("RSJ", again.path("id").asString(), Map.of("approve", false,
                "reason", "用途不需要参保状态"));
        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().path("onTime").asBoolean()).isFalse();
        try (TopicReader reader = TopicReader.fromBeginning("data-exchange.share.events.v1")) {
            List<JsonNode> events = reader.awaitEvents(asked.path("id").asString(), 2, Duration.ofSeconds(20));
            assertThat(events.get(0).path("data").path("dueAt").asString()).isEqualTo("2026-10-14T16:00:00Z");
            assertThat(events.get(1).path("type").asString()).isEqualTo("share.granted");
            List<JsonNode> refused = reader.awaitEvents(again.path("id").asString(), 2, Duration.ofSeconds(20));
            assertThat(refused.get(1).path("type").asString()).isEqualTo("share.rejected");
            assertThat(refused.get(1).path("data").has("reason")).isFalse();
        }
    }

    @Test
    void aNotSharedResourceCannotBeRequested() {
        String code = Exchange.code("GAJ");
        exchange.registered("GAJ", code, Exchange.socialInsurance("NOT_SHARED"));

        Response refused = exchange.request("WSJKW", code, List.of("idNumber"), List.of(),
                Instant.now().plus(Duration.ofDays(30)), null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("code").asString()).isEqualTo("NOT_SHARED");
        assertThat(refused.json().path("legalBasis").asString()).contains("个人信息保护法");
    }

    @Test
    void onlyTheProvidersStewardsMaintainAResourceAndAStaleVersionIsAConflict() {
        String code = Exchange.code("SCJGJ");
        JsonNode resource = exchange.registered("SCJGJ", code, Exchange.enterprises("UNCONDITIONAL", "scjgj"));
        // another department's code, an unknown adapter, a missing key field: 400 with their codes
        assertThat(exchange.register("RSJ", Exchange.code("SCJGJ"), Exchange.enterprises("UNCONDITIONAL",
                "scjgj")).json().path("code").asString()).isEqualTo("RESOURCE_CODE_NOT_OWN");
        assertThat(exchange.register("SCJGJ", Exchange.code("SCJGJ"), Exchange.enterprises("UNCONDITIONAL",
                "nowhere")).json().path("code").asString()).isEqualTo("UNKNOWN_ADAPTER");
        assertThat(exchange.register("SCJGJ", code, Exchange.enterprises("UNCONDITIONAL", "scjgj")).status())
                .isEqualTo(409);

        Map<String, Object> changed = Exchange.enterprises("CONDITIONAL", "scjgj");
        Response other = exchange.api().put("/api/v1/exchange/resources/" + code).token(People.steward("RSJ"))
                .json(Map.of("version", resource.path("version").asLong(), "definition", changed)).send();
        assertThat(other.status()).isEqualTo(404);
        Response first = exchange.api().put("/api/v1/exchange/resources/" + code).token(People.steward("SCJGJ"))
                .json(Map.of("version", resource.path("version").asLong(), "definition", changed)).send();
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("shareType").asString()).isEqualTo("CONDITIONAL");
        Response stale = exchange.api().put("/api/v1/exchange/resources/" + code).token(People.steward("SCJGJ"))
                .json(Map.of("version", resource.path("version").asLong(), "definition", changed)).send();
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("code").asString()).isEqualTo("CONCURRENT_UPDATE");

        // staff and auditors read the catalog, citizens and anonymous callers do not
        assertThat(exchange.api().get("/api/v1/exchange/resources/" + code).token(People.officer("GAJ")).send()
                .status()).isEqualTo(200);
        assertThat(exchange.api().get("/api/v1/exchange/resources/" + code).token(People.auditor()).send()
                .status()).isEqualTo(200);
        assertThat(exchange.api().get("/api/v1/exchange/resources/" + code).token(People.citizen()).send()
                .status()).isEqualTo(403);
        assertThat(exchange.api().get("/api/v1/exchange/resources/" + code).send().status()).isEqualTo(401);
    }

    @Test
    void aRequestIsSeenByItsPartiesAndAuditorsOnly() {
        String code = Exchange.code("SCJGJ");
        exchange.registered("SCJGJ", code, Exchange.enterprises("CONDITIONAL", "scjgj"));
        JsonNode asked = exchange.requested("WSJKW", code, List.of("uscc"), List.of(),
                Instant.now().plus(Duration.ofDays(30)), null);
        String path = "/api/v1/exchange/share-requests/" + asked.path("id").asString();

        assertThat(exchange.api().get(path).token(People.steward("WSJKW")).send().status()).isEqualTo(200);
        assertThat(exchange.api().get(path).token(People.deptAdmin("SCJGJ")).send().status()).isEqualTo(200);
        assertThat(exchange.api().get(path).token(People.auditor()).send().status()).isEqualTo(200);
        assertThat(exchange.api().get(path).token(People.steward("GAJ")).send().status()).isEqualTo(404);
        // only the provider decides: the consumer's steward does not find it to decide
        assertThat(exchange.decide("WSJKW", asked.path("id").asString(), Map.of("approve", true)).status())
                .isEqualTo(404);
        // unknown fields of the resource and of the request body are 400
        assertThat(exchange.request("WSJKW", code, List.of("nope"), List.of(), Instant.now().plusSeconds(9999),
                null).json().path("code").asString()).isEqualTo("UNKNOWN_FIELD");
        Response unknownMember = exchange.api().post("/api/v1/exchange/share-requests").token(People.steward("WSJKW"))
                .json(Map.of("resourceCode", code, "fields", List.of("uscc"), "purpose", "x", "legalBasis", "y",
                        "validUntil", "2030-01-01T00:00:00Z", "extra", 1)).send();
        assertThat(unknownMember.status()).isEqualTo(400);
        assertThat(unknownMember.json().path("code").asString()).isEqualTo("UNKNOWN_FIELD");
    }
}
