package dev.onewindow.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 3 of docs/domain.md ("Scenarios"), black-box through the gateway: 卫健委 (steward3) asks 人社局 for its
 * conditional social-insurance records; 人社局 (steward1) grants fewer fields than asked; 卫健委's system logs in with
 * client credentials and queries one person: the personal fields come masked, the field not granted does not come at
 * all; the access is in the hash-chained access log and auditor1 verifies the whole chain.
 */
class DataSharingScenarioIT {

    static final String SOCIAL_INSURANCE = "RSJ-SBJL";       // 社会保险参保信息, conditional, pushed by 人社局
    static final String WANG_FANG = "341302199208152468";     // citizen2's 公民身份号码, a record of the demo dataset

    private final ApiClient gateway = ApiClient.at(LocalStack.GATEWAY);

    @BeforeAll
    static void stack() {
        LocalStack.ensureUp();
    }

    @Test
    void scenario3AConditionalResourceIsGrantedForSelectedFieldsQueriedMaskedAndTheAccessLogVerifies() {
        String consumerSteward = Keycloak.login("steward3");  // 卫健委 (WSJKW)
        String providerSteward = Keycloak.login("steward1");  // 人社局 (RSJ)
        Response asked = gateway.post("/api/v1/exchange/share-requests").token(consumerSteward).json(Map.of(
                "resourceCode", SOCIAL_INSURANCE,
                "fields", List.of("idNumber", "name", "insuranceType", "insuredStatus", "employer", "monthlyBase"),
                "purpose", "城乡医疗救助对象资格复核：核验参保状态", "legalBasis", "《社会救助暂行办法》第二十八条",
                "validUntil", Instant.now().plus(Duration.ofDays(90)).toString(), "quota", 100)).send();
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        JsonNode request = asked.json();
        String requestId = request.get("id").asString();
        // the consumer sees its request waiting on the provider's clock: state, due instant, not overdue
        assertThat(request.get("status").asString()).isEqualTo("PENDING");
        assertThat(Instant.parse(request.get("dueAt").asString())).isAfter(Instant.now());
        assertThat(request.get("overdue").asBoolean()).isFalse();

        // 人社局 grants it, but not the contribution base and the employer: those were asked for, not needed
        Response decided = gateway.post("/api/v1/exchange/share-requests/" + requestId + "/decision")
                .token(providerSteward).json(Map.of("approve", true,
                        "fields", List.of("idNumber", "name", "insuranceType", "insuredStatus"))).send();
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.json().get("status").asString()).isEqualTo("GRANTED");
        assertThat(decided.json().get("onTime").asBoolean()).isTrue();
        String grantId = decided.json().get("grantId").asString();
        assertThat(grantId).isNotBlank();

        // 卫健委's system (client credentials) queries one person under the grant
        String system = Keycloak.clientToken("wsjkw-exchange");
        Response answered = gateway.post("/api/v1/exchange/queries").token(system)
                .json(Map.of("grantId", grantId, "key", WANG_FANG)).send();
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        JsonNode record = answered.json().get("records").get(0);
        assertThat(record.get("insuranceType").asString()).isEqualTo("城乡居民基本医疗保险");
        assertThat(record.get("insuredStatus").asString()).isEqualTo("正常参保");
        assertThat(record.get("idNumber").asString()).contains("*").isNotEqualTo(WANG_FANG);
        assertThat(record.get("name").asString()).contains("*").isNotEqualTo("王芳");
        assertThat(record.has("monthlyBase")).as("a field not granted").isFalse();
        assertThat(record.has("employer")).as("a field not granted").isFalse();
        assertThat(answered.rawBody()).doesNotContain(WANG_FANG, "3800");
        // the steward of the consumer may not query: only its system, by client credentials
        assertThat(gateway.post("/api/v1/exchange/queries").token(consumerSteward)
                .json(Map.of("grantId", grantId, "key", WANG_FANG)).send().status()).isEqualTo(403);

        // the access, in the hash-chained log, and the whole chain verifies
        String auditor = Keycloak.login("auditor1");
        Response verification = gateway.get("/api/v1/exchange/access-log/verification").token(auditor).send();
        assertThat(verification.status()).as(verification.toString()).isEqualTo(200);
        assertThat(verification.json().get("verified").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.json().get("firstBroken").isNull()).isTrue();
        JsonNode entry = logEntry(auditor, verification.json(), answered.json().get("accessId").asString());
        assertThat(entry.get("hash").asString()).isEqualTo(answered.json().get("entryHash").asString());
        assertThat(entry.get("grantId").asString()).isEqualTo(grantId);
        assertThat(entry.get("consumerDepartment").asString()).isEqualTo("WSJKW");
        assertThat(entry.get("providerDepartment").asString()).isEqualTo("RSJ");
        assertThat(entry.get("outcome").asString()).isEqualTo("OK");
        assertThat(entry.toString()).doesNotContain(WANG_FANG);
        // only an auditor reads the log
        assertThat(gateway.get("/api/v1/exchange/access-log/verification").token(providerSteward).send().status())
                .isEqualTo(403);

        StackTopics.assertNoRawIdNumberOrMobile(WANG_FANG);
    }

    /** The entry {@code accessId} among the last 100 of each lane the verification reported. */
    private JsonNode logEntry(String auditor, JsonNode verification, String accessId) {
        for (JsonNode lane : verification.get("lanes")) {
            long from = Math.max(1, lane.get("lastSeq").asLong() - 99);
            Response entries = gateway.get("/api/v1/exchange/access-log/entries?lane=" + lane.get("lane").asInt()
                    + "&from=" + from + "&size=100").token(auditor).send();
            assertThat(entries.status()).as(entries.toString()).isEqualTo(200);
            for (JsonNode entry : entries.json().get("items")) {
                if (entry.get("id").asString().equals(accessId)) {
                    return entry;
                }
            }
        }
        throw new AssertionError("access " + accessId + " is not in the access log: " + verification);
    }
}
