package dev.onewindow.casehandling.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.casehandling.support.People;
import dev.onewindow.casehandling.support.Stubs;
import dev.onewindow.platform.personal.LookupHasher;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.ConsumerLag;
import dev.onewindow.platform.testkit.KafkaBroker;
import dev.onewindow.platform.testkit.TopicReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 秒批 both ways, and completion by e-license's {@code license.issued} (idempotent): an approved case with an
 * e-license result completes when e-license says it issued the license, once, however often that is delivered.
 */
class AutoApprovalIT extends CaseApiSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LICENSE_TOPIC = "e-license.license.events.v1";

    @Autowired
    LookupHasher hasher;

    @Test
    void allRulesPassingApprovesAndCompletesADocumentResultWithoutAPerson() {
        Map<String, Object> entry = autoApprovalEntry("DOCUMENT", null);
        Citizen citizen = newCitizen();
        Response created = submitWithIdCard(citizen, entry, 35);
        JsonNode body = created.json();
        assertThat(body.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(body.get("autoApproval").get("passed").asBoolean()).isTrue();
        assertThat(body.get("autoApproval").get("ruleSetVersion").asString()).isEqualTo("2026-1");
        assertThat(body.get("decision").get("automatic").asBoolean()).isTrue();
        assertThat(body.get("clock").get("onTime").asBoolean()).isTrue();
        String id = body.get("id").asString();

        try (TopicReader topic = TopicReader.fromBeginning("case-handling.case.events.v1")) {
            List<JsonNode> events = topic.awaitEvents(id, 4, Duration.ofSeconds(30));
            assertThat(events).extracting(e -> e.get("type").asString()).containsExactly("case.submitted",
                    "case.accepted", "case.approved", "case.completed");
            assertThat(events).extracting(e -> e.get("sequence").asLong()).containsExactly(1L, 2L, 3L, 4L);
            assertThat(events.get(1).get("data").get("automatic").asBoolean()).isTrue();
            assertThat(events.get(2).get("data").get("ruleSetVersion").asString()).isEqualTo("2026-1");
        }
        JsonNode history = ok(api().get("/api/v1/cases/" + id + "/history").token(citizen.token()).send()).json();
        assertThat(history.get("history").values()).extracting(h -> h.get("actorId").asString())
                .containsExactly(citizenSubject(citizen), "system", "system", "system");
    }

    @Test
    void aFailingRuleSendsTheCaseTheManualWayWithTheFailedRuleRecorded() {
        Map<String, Object> entry = autoApprovalEntry("DOCUMENT", null);
        Citizen minor = newCitizen();
        JsonNode body = submitWithIdCard(minor, entry, 15).json();
        assertThat(body.get("status").asString()).isEqualTo("SUBMITTED");
        JsonNode outcome = body.get("autoApproval");
        assertThat(outcome.get("passed").asBoolean()).isFalse();
        assertThat(outcome.get("ruleSetVersion").asString()).isEqualTo("2026-1");
        assertThat(outcome.get("failedRules").values()).extracting(r -> r.get("type").asString() + ":"
                + r.get("subject").asString()).containsExactly("FIELD_RANGE:age");
        // and a person handles it as usual
        assertThat(ok(command(body.get("id").asString(), "accept", People.officer("WSJKW"), null)).json()
                .get("status").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void anAutoApprovedLicenseResultCompletesOnceWhenELicenseIssuesIt() {
        Map<String, Object> entry = autoApprovalEntry("LICENSE", "CSYXZM");
        Citizen citizen = newCitizen();
        JsonNode body = submitWithIdCard(citizen, entry, 30).json();
        String id = body.get("id").asString();
        assertThat(body.get("status").asString()).isEqualTo("APPROVED");

        JsonNode approved;
        try (TopicReader topic = TopicReader.fromBeginning("case-handling.case.events.v1")) {
            approved = topic.awaitEvents(id, 3, Duration.ofSeconds(30)).get(2);
        }
        // what e-license reads from case.approved (docs/service-contracts.md)
        JsonNode data = approved.get("data");
        assertThat(approved.get("type").asString()).isEqualTo("case.approved");
        assertThat(data.get("caseId").asString()).isEqualTo(id);
        assertThat(data.get("resultLicenseType").asString()).isEqualTo("CSYXZM");
        assertThat(data.get("holderRef").asString()).isEqualTo(hasher.hashIdNumber(citizen.idNumber()));
        assertThat(data.get("holderDisplayName").asString()).isEqualTo("张*");
        assertThat(data.get("entryVersion").asInt()).isEqualTo(1);
        assertThat(data.get("licenseFields").get("shopName").asString()).isEqualTo("老张小吃");

        String licenseId = "CSYXZM341300" + UUID.randomUUID().toString().substring(0, 8);
        String issued = licenseIssued(licenseId, id);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(LICENSE_TOPIC, licenseId, issued));
            producer.send(new ProducerRecord<>(LICENSE_TOPIC, licenseId, licenseUsed(licenseId)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(storedCase(id).getString("status")));
        JsonNode completed = ok(api().get("/api/v1/cases/" + id).token(citizen.token()).send()).json();
        assertThat(completed.get("licenseId").asString()).isEqualTo(licenseId);
        assertThat(completed.get("clock").get("stopped").asBoolean()).isTrue();

        // redelivery changes nothing
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(LICENSE_TOPIC, licenseId, issued));
        }
        ConsumerLag.awaitCaughtUp("case-handling.completion", LICENSE_TOPIC, Duration.ofSeconds(30));
        assertThat(storedCase(id).getList("history", Document.class))
                .filteredOn(h -> "COMPLETE".equals(h.getString("action"))).hasSize(1);
        try (TopicReader topic = TopicReader.fromBeginning("case-handling.case.events.v1")) {
            List<JsonNode> events = topic.awaitEvents(id, 4, Duration.ofSeconds(30));
            assertThat(events.get(3).get("type").asString()).isEqualTo("case.completed");
            assertThat(events.get(3).get("data").get("licenseId").asString()).isEqualTo(licenseId);
            assertThat(events.get(3).get("data").get("outcome").asString()).isEqualTo("APPROVED");
            assertThat(events.get(3).get("causationId").asString()).isEqualTo(
                    JSON.readTree(issued).get("id").asString());
            assertThat(topic.eventsOf(id)).extracting(e -> e.get("sequence").asLong()).doesNotContain(5L);
        }
    }

    @Test
    void aLicenseIssuedForAManuallyApprovedCaseCompletesIt() {
        Map<String, Object> entry = publishedEntry("SCJGJ");
        Citizen citizen = newCitizen();
        String id = submitAsCitizen(citizen, entry).json().get("id").asString();
        ok(command(id, "accept", People.officer("SCJGJ"), null));
        ok(command(id, "review", People.reviewer("SCJGJ"), null));
        assertThat(ok(command(id, "approve", People.approver("SCJGJ"), null)).json().get("status").asString())
                .isEqualTo("APPROVED");
        String licenseId = "SPJYXKZ341300" + UUID.randomUUID().toString().substring(0, 8);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(LICENSE_TOPIC, licenseId, licenseIssued(licenseId, id)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(storedCase(id).getString("status")));
        assertThat(storedCase(id).getString("licenseId")).isEqualTo(licenseId);
    }

    private Map<String, Object> autoApprovalEntry(String resultKind, String licenseType) {
        Map<String, Object> entry = Stubs.entry(Stubs.implementationCode("WSJKW"), 1, "WSJKW");
        entry.put("name", "出生医学证明");
        entry.put("materials", List.of(Stubs.material("M01", "居民身份证", true, List.of("JMSFZ"))));
        entry.put("promisedLimitDays", 0);
        entry.put("autoApproval", Map.of("enabled", true, "ruleSetVersion", "2026-1", "rules", List.of(
                Map.of("type", "LICENSE_VALID", "licenseType", "JMSFZ"),
                Map.of("type", "FIELD_RANGE", "field", "age", "min", 16, "max", 200),
                Map.of("type", "FIELD_EQUALS", "field", "residence", "value", "341300"))));
        entry.put("result", Stubs.result(resultKind, licenseType));
        Stubs.publish(entry);
        return entry;
    }

    private Response submitWithIdCard(Citizen citizen, Map<String, Object> entry, int age) {
        String code = "id-card-" + UUID.randomUUID();
        Stubs.redeemable(code, "JMSFZ", "VALID", hasher.hashIdNumber(citizen.idNumber()));
        Map<String, Object> body = citizenApplication(entry, "unused");
        body.put("formData", Map.of("shopName", "老张小吃", "age", age, "residence", "341300"));
        body.put("materials", List.of(Map.of("code", "M01", "licenseAuthorization", code)));
        Response created = api().post("/api/v1/cases").token(citizen.token()).json(body).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    private static String citizenSubject(Citizen citizen) {
        return citizenUsername(citizen.idNumber());
    }

    /** A {@code license.issued} envelope exactly as e-license publishes it (docs/service-contracts.md). */
    private static String licenseIssued(String licenseId, String caseId) {
        return JSON.writeValueAsString(Map.of("id", UUID.randomUUID().toString(), "type", "license.issued",
                "source", "e-license", "occurredAt", Instant.now().toString(), "aggregateType", "license",
                "aggregateId", licenseId, "sequence", 1, "schemaVersion", 1, "region", "341300",
                "data", Map.of("licenseId", licenseId, "typeCode", licenseId.replaceAll("\\d.*", ""),
                        "caseId", caseId, "issuerDepartment", "WSJKW", "region", "341300",
                        "validUntil", "2036-03-01")));
    }

    private static String licenseUsed(String licenseId) {
        return JSON.writeValueAsString(Map.of("id", UUID.randomUUID().toString(), "type", "license.used",
                "source", "e-license", "occurredAt", Instant.now().toString(), "aggregateType", "license",
                "aggregateId", licenseId, "sequence", 2, "schemaVersion", 1, "region", "341300",
                "data", Map.of("licenseId", licenseId, "departmentCode", "SCJGJ")));
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.shared().bootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(), ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName()));
    }
}
