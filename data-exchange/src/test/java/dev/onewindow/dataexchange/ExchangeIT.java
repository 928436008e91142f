package dev.onewindow.dataexchange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.onewindow.dataexchange.grants.GrantService;
import dev.onewindow.dataexchange.support.Exchange;
import dev.onewindow.dataexchange.support.People;
import dev.onewindow.dataexchange.support.TestClockConfiguration;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exchange queries by a consumer's system (client credentials, role data-consumer) over HTTP with real tokens and
 * the real broker: only granted fields come back, personal ones masked unless granted — from the demo provider's
 * system over HTTP and from a pushed dataset; revoked, expired or foreign grants are 403, over the quota 429, a
 * provider that is down 503 — and every access, also those, is in the log (data.accessed).
 */
@IntegrationTest
class ExchangeIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String USCC = "91341302MA2T4K7B8P";
    private static final String ZHANG_WEI = "341302199003071234";

    @LocalServerPort
    int port;
    @Autowired
    GrantService grants;
    Exchange exchange;

    @BeforeEach
    void setUp() {
        exchange = new Exchange(ApiClient.localPort(port));
    }

    @AfterEach
    void systemTime() {
        TestClockConfiguration.CLOCK.useSystemTime();
    }

    private static Instant inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days));
    }

    @Test
    void aProvidersAnswerKeepsOnlyGrantedFieldsWithPersonalOnesMaskedUnlessGranted() {
        String masked = exchange.grantedAtOnce("SCJGJ", "WSJKW", Exchange.enterprises("UNCONDITIONAL", "scjgj"),
                List.of("uscc", "entityName", "legalRepresentative"), List.of(), inDays(30), null);

        Response answer = exchange.query("WSJKW", masked, USCC);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode record = answer.json().path("records").get(0);
        assertThat(record.toString()).isEqualTo("{\"uscc\":\"" + USCC + "\",\"entityName\":\"宿州市埇桥区示范餐饮有限公司\","
                + "\"legalRepresentative\":\"赵*\"}");
        String accessId = answer.json().path("accessId").asString();
        assertThat(accessId).matches("\\d{2}:\\d{12}");

        String clear = exchange.grantedAtOnce("SCJGJ", "WSJKW", Exchange.enterprises("UNCONDITIONAL", "scjgj"),
                List.of("uscc", "legalRepresentative", "status"), List.of("legalRepresentative"), inDays(30), null);
        JsonNode unmasked = exchange.query("WSJKW", clear, USCC).json().path("records").get(0);
        assertThat(unmasked.path("legalRepresentative").asString()).isEqualTo("赵强");
        // what the provider holds beyond the catalog, and catalog fields outside the grant, never come back
        assertThat(unmasked.has("legalRepresentativeMobile")).isFalse();
        assertThat(unmasked.has("address")).isFalse();

        try (TopicReader reader = TopicReader.fromBeginning("data-exchange.access.events.v1")) {
            JsonNode accessed = reader.awaitEvents(accessId, 1, Duration.ofSeconds(20)).get(0);
            assertThat(accessed.path("type").asString()).isEqualTo("data.accessed");
            assertThat(accessed.path("data").path("outcome").asString()).isEqualTo("OK");
            assertThat(accessed.path("data").path("recordCount").asInt()).isEqualTo(1);
            assertThat(accessed.path("data").path("consumerClient").asString()).isEqualTo("wsjkw-exchange");
            assertThat(accessed.path("data").path("criteria").toString()).isEqualTo("[\"uscc\"]");
            assertThat(accessed.toString()).doesNotContain("赵").doesNotContain(USCC);
        }
    }

    @Test
    void aPushedDatasetIsReadWithPersonalFieldsMaskedAndItsKeyChecked() {
        String code = Exchange.code("RSJ");
        exchange.registered("RSJ", code, Exchange.socialInsurance("UNCONDITIONAL"));
        Response pushed = exchange.push("RSJ", code, List.of(Map.of("idNumber", ZHANG_WEI, "name", "张伟",
                "insuranceType", "城镇职工基本养老保险", "insuredStatus", "正常参保", "monthlyBase", 5200)));
        assertThat(pushed.status()).as(pushed.toString()).isEqualTo(200);
        assertThat(pushed.json().path("created").asInt()).isEqualTo(1);
        JsonNode request = exchange.requested("WSJKW", code, List.of("idNumber", "name", "insuredStatus"),
                List.of(), inDays(30), null);

        Response answer = exchange.query("WSJKW", request.path("grantId").asString(), ZHANG_WEI);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("records").get(0).toString()).isEqualTo(
                "{\"idNumber\":\"341302********1234\",\"name\":\"张*\",\"insuredStatus\":\"正常参保\"}");
        // a key that is not a valid ID number is 400, not a lookup
        Response bad = exchange.query("WSJKW", request.path("grantId").asString(), "341302199003071235");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("code").asString()).isEqualTo("INVALID_ID_NUMBER");
        // the provider's own department may not push to another's dataset; nobody pushes to an API resource
        assertThat(exchange.push("SCJGJ", code, List.of(Map.of("idNumber", ZHANG_WEI))).status()).isEqualTo(404);
        assertThat(exchange.push("RSJ", code, List.of(Map.of("idNumber", ZHANG_WEI, "unknown", 1))).json()
                .path("code").asString()).isEqualTo("UNKNOWN_FIELD");
    }

    @Test
    void revokedExpiredAndForeignGrantsAre403AndStillLogged() {
        String grant = exchange.grantedAtOnce("SCJGJ", "WSJKW", Exchange.enterprises("UNCONDITIONAL", "scjgj"),
                List.of("uscc"), List.of(), inDays(3), null);
        assertThat(exchange.query("WSJKW", grant, USCC).status()).isEqualTo(200);

        Response foreign = exchange.query("ZRZYJ", grant, USCC);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().path("code").asString()).isEqualTo("NO_GRANT");

        // three days later the grant has expired, before any sweep; the sweep then announces it once
        TestClockConfiguration.CLOCK.set(Instant.now().plus(Duration.ofDays(3)).plusSeconds(60));
        Response expired = exchange.query("WSJKW", grant, USCC);
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.contentType()).startsWith("application/problem+json");
        assertThat(expired.json().path("code").asString()).isEqualTo("GRANT_EXPIRED");
        assertThat(grants.expire()).isGreaterThanOrEqualTo(1);
        TestClockConfiguration.CLOCK.useSystemTime();

        String revoked = exchange.grantedAtOnce("SCJGJ", "WSJKW", Exchange.enterprises("UNCONDITIONAL", "scjgj"),
                List.of("uscc"), List.of(), inDays(30), null);
        assertThat(exchange.api().post("/api/v1/exchange/grants/" + revoked + "/revocation")
                .token(People.steward("WSJKW")).json(Map.of("reason", "x")).send().status()).isEqualTo(404);
        Response revocation = exchange.api().post("/api/v1/exchange/grants/" + revoked + "/revocation")
                .token(People.steward("SCJGJ")).json(Map.of("reason", "用途已完成")).send();
        assertThat(revocation.json().path("status").asString()).isEqualTo("REVOKED");
        Response refused = exchange.query("WSJKW", revoked, USCC);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("code").asString()).isEqualTo("GRANT_REVOKED");

        try (TopicReader reader = TopicReader.fromBeginning("data-exchange.grant.events.v1",
                "data-exchange.access.events.v1")) {
            assertThat(reader.awaitEvents(grant, 1, Duration.ofSeconds(20)).get(0).path("type").asString())
                    .isEqualTo("grant.expired");
            assertThat(reader.awaitEvents(revoked, 1, Duration.ofSeconds(20)).get(0).path("type").asString())
                    .isEqualTo("grant.revoked");
            JsonNode denied = accessesOf(reader, revoked, 1).get(0).path("data");
            assertThat(denied.path("outcome").asString()).isEqualTo("DENIED");
            assertThat(denied.path("code").asString()).isEqualTo("GRANT_REVOKED");
            assertThat(accessesOf(reader, grant, 3)).extracting(e -> e.path("data").path("code").asString(null))
                    .contains("NO_GRANT", "GRANT_EXPIRED");
        }
    }

    @Test
    void overTheGrantsQuotaIs429WithRetryAfter() {
        String grant = exchange.grantedAtOnce("SCJGJ", "WSJKW", Exchange.enterprises("UNCONDITIONAL", "scjgj"),
                List.of("uscc"), List.of(), inDays(30), 2);

        assertThat(exchange.query("WSJKW", grant, USCC).status()).isEqualTo(200);
        assertThat(exchange.query("WSJKW", grant, USCC).status()).isEqualTo(200);
        Response over = exchange.query("WSJKW", grant, USCC);

        assertThat(over.status()).isEqualTo(429);
        assertThat(over.json().path("code").asString()).isEqualTo("GRANT_QUOTA_EXCEEDED");
        assertThat(Integer.parseInt(over.header("Retry-After"))).isBetween(1, 60);
    }

    @Test
    void aProviderThatIsDownIs503AndTheAccessIsStillLoggedAsFailed() {
        String grant = exchange.grantedAtOnce("SCJGJ", "WSJKW", Exchange.enterprises("UNCONDITIONAL", "offline"),
                List.of("uscc", "entityName"), List.of(), inDays(30), null);

        Response down = exchange.query("WSJKW", grant, USCC);

        assertThat(down.status()).as(down.toString()).isEqualTo(503);
        assertThat(down.contentType()).startsWith("application/problem+json");
        assertThat(down.json().path("code").asString()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(down.rawBody()).doesNotContain("Connection").doesNotContain("Exception");
        try (TopicReader reader = TopicReader.fromBeginning("data-exchange.access.events.v1")) {
            JsonNode failed = accessesOf(reader, grant, 1).get(0).path("data");
            assertThat(failed.path("outcome").asString()).isEqualTo("FAILED");
            assertThat(failed.path("code").asString()).isEqualTo("PROVIDER_UNAVAILABLE");
            assertThat(failed.path("recordCount").asInt()).isZero();
            JsonNode entries = exchange.api().get("/api/v1/exchange/access-log/entries?lane="
                    + failed.path("lane").asInt() + "&from=" + failed.path("seq").asLong() + "&size=1")
                    .token(People.auditor()).send().json();
            assertThat(entries.path("items").get(0).path("outcome").asString()).isEqualTo("FAILED");
            assertThat(entries.path("items").get(0).path("grantId").asString()).isEqualTo(grant);
        }
    }

    /** The data.accessed events naming {@code grantId}, once {@code count} have arrived. */
    private static List<JsonNode> accessesOf(TopicReader reader, String grantId, int count) {
        java.util.function.Function<List<ConsumerRecord<String, String>>, List<JsonNode>> of = records -> records
                .stream().filter(r -> r.topic().equals("data-exchange.access.events.v1"))
                .map(r -> JSON.readTree(r.value())).filter(e -> grantId.equals(e.path("data").path("grantId")
                        .asString())).toList();
        return of.apply(reader.awaitRecords(records -> of.apply(records).size() >= count, Duration.ofSeconds(20)));
    }
}
