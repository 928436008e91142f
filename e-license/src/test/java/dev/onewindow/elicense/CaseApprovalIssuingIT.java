package dev.onewindow.elicense;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.onewindow.elicense.support.CaseHandlingStub;
import dev.onewindow.elicense.support.Fixtures;
import dev.onewindow.platform.personal.LookupHasher;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ConsumerLag;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.KafkaBroker;
import dev.onewindow.platform.testkit.TopicReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issuing on case approval, over the real broker: case-handling's {@code case.approved} envelope, shaped as the
 * contract says, published with a raw producer — twice — issues exactly one licence, announced once.
 */
@IntegrationTest
class CaseApprovalIssuingIT {

    private static final String CASE_TOPIC = "case-handling.case.events.v1";
    private static final String GROUP = "e-license.issuing";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    LookupHasher hasher;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aCaseApprovalDeliveredTwiceIssuesExactlyOneLicence() {
        String idNumber = Fixtures.newIdNumber();
        String caseId = UUID.randomUUID().toString();
        String approval = caseApproved(caseId, "SPJYXKZ", hasher.hashIdNumber(idNumber), Fixtures.spjyxkz());

        // the same event redelivered, and the case's approval published again as a new event (e.g. replayed)
        publish(caseId, approval, approval, caseApproved(caseId, "SPJYXKZ", hasher.hashIdNumber(idNumber),
                Fixtures.spjyxkz()));
        ConsumerLag.awaitCaughtUp(GROUP, CASE_TOPIC, Duration.ofSeconds(60));

        ApiClient api = ApiClient.localPort(port);
        String holder = Fixtures.citizen(idNumber);
        JsonNode licences = api.get("/api/v1/licenses").token(holder).send().json();
        assertThat(licences).hasSize(1);
        JsonNode licence = licences.get(0);
        assertThat(licence.get("caseId").asString()).isEqualTo(caseId);
        assertThat(licence.get("typeCode").asString()).isEqualTo("SPJYXKZ");
        assertThat(licence.get("issuerDepartment").asString()).isEqualTo("SCJGJ");
        assertThat(licence.get("status").asString()).isEqualTo("VALID");
        String licenceId = licence.get("licenseId").asString();
        assertThat(licenceId).matches("SPJYXKZ341300\\d{8}");

        // license.issued, once, per the contract (no personal fields), correlated with the approval
        try (TopicReader topic = TopicReader.fromBeginning(Fixtures.LICENSE_TOPIC)) {
            List<JsonNode> events = topic.awaitEvents(licenceId, 1, Duration.ofSeconds(30));
            assertThat(topic.eventsOf(licenceId)).extracting(e -> e.get("type").asString())
                    .containsOnly("license.issued");
            JsonNode issued = events.get(0);
            Fixtures.assertMatchesContract(issued);
            assertThat(issued.get("data").get("caseId").asString()).isEqualTo(caseId);
            assertThat(issued.get("data").get("validUntil").asString()).isNotBlank();
            assertThat(issued.get("region").asString()).isEqualTo("341300");
            assertThat(issued.get("correlationId").asString()).isEqualTo("corr-" + caseId);
            assertThat(issued.get("causationId").asString()).isNotBlank();
            assertThat(issued.toString()).doesNotContain(idNumber, "赵强");
        }

        // the holder sees the face the case carried, and anyone can verify it
        JsonNode face = api.get("/api/v1/licenses/" + licenceId).token(holder).send().json().get("fields");
        assertThat(face.get("legalRepresentative").asString()).isEqualTo("赵强");
        JsonNode verified = Fixtures.verify(api, licenceId);
        assertThat(verified.get("signatureValid").asBoolean()).isTrue();
        assertThat(verified.get("status").asString()).isEqualTo("VALID");
    }

    @Test
    void anApprovalWhoseResultIsADocumentIssuesNothing() {
        String idNumber = Fixtures.newIdNumber();
        String caseId = UUID.randomUUID().toString();
        publish(caseId, caseApproved(caseId, null, hasher.hashIdNumber(idNumber), Map.of()));
        ConsumerLag.awaitCaughtUp(GROUP, CASE_TOPIC, Duration.ofSeconds(60));

        assertThat(ApiClient.localPort(port).get("/api/v1/licenses").token(Fixtures.citizen(idNumber)).send().json())
                .isEmpty();
    }

    @Test
    void anApprovalWhoseFaceDoesNotFitTheLicenceTypeIsDeadLetteredNotIssued() {
        String idNumber = Fixtures.newIdNumber();
        String caseId = UUID.randomUUID().toString();
        Map<String, Object> face = Fixtures.spjyxkz();
        face.remove("premises");
        publish(caseId, caseApproved(caseId, "SPJYXKZ", hasher.hashIdNumber(idNumber), face));
        // and a department that does not issue the type cannot have it issued under its name
        String wrongIssuer = UUID.randomUUID().toString();
        publish(wrongIssuer, caseApproved(wrongIssuer, "GAJ", "341300", "SPJYXKZ", hasher.hashIdNumber(idNumber),
                Fixtures.spjyxkz()));

        try (TopicReader deadLetters = TopicReader.fromBeginning(CASE_TOPIC + ".DLT")) {
            deadLetters.awaitRecords(r -> r.stream().anyMatch(x -> caseId.equals(x.key()))
                    && r.stream().anyMatch(x -> wrongIssuer.equals(x.key())), Duration.ofSeconds(60));
        }
        assertThat(ApiClient.localPort(port).get("/api/v1/licenses").token(Fixtures.citizen(idNumber)).send().json())
                .isEmpty();
    }

    /**
     * Faces arrive from events too, past every request check: a control or bidirectional character, or text that
     * is not valid Unicode, is refused by the licence type's own rule (dead-lettered), never sealed into a licence;
     * so is a case id or number no record should hold.
     */
    @Test
    void anApprovalCarryingControlBidiOrBrokenUnicodeTextIsDeadLetteredNotIssued() {
        String idNumber = Fixtures.newIdNumber();
        String holderRef = hasher.hashIdNumber(idNumber);
        List<String> keys = new java.util.ArrayList<>();
        // as JSON escapes: a lone surrogate cannot travel as UTF-8
        for (String hostile : List.of("abc\\u202efdp.exe", "a\\u0000b", "\\ud800", "x\\udfff", "two\\nlines",
                "\\u2066x\\u2069")) {
            String caseId = UUID.randomUUID().toString();
            Map<String, Object> face = Fixtures.spjyxkz();
            face.put("premises", "@@hostile@@");
            publish(caseId, caseApproved(caseId, "SPJYXKZ", holderRef, face).replace("@@hostile@@", hostile));
            keys.add(caseId);
        }
        String bidiCaseId = UUID.randomUUID().toString();
        publish(bidiCaseId, caseApproved(bidiCaseId, "SPJYXKZ", holderRef, Fixtures.spjyxkz())
                .replace("\"caseId\":\"" + bidiCaseId, "\"caseId\":\"\\u202e" + bidiCaseId));
        String bidiCaseNo = UUID.randomUUID().toString();
        publish(bidiCaseNo, caseApproved(bidiCaseNo, "SPJYXKZ", holderRef, Fixtures.spjyxkz())
                .replace("\"caseNo\":\"", "\"caseNo\":\"\\u0000\\u202e"));
        keys.addAll(List.of(bidiCaseId, bidiCaseNo));

        try (TopicReader deadLetters = TopicReader.fromBeginning(CASE_TOPIC + ".DLT")) {
            deadLetters.awaitRecords(r -> keys.stream().allMatch(k -> r.stream().anyMatch(x -> k.equals(x.key()))),
                    Duration.ofSeconds(60));
        }
        assertThat(ApiClient.localPort(port).get("/api/v1/licenses").token(Fixtures.citizen(idNumber)).send().json())
                .isEmpty();
    }

    /**
     * No personal data on the topic: the approval carries the face without its personal fields and names them in
     * {@code personalLicenseFields}; e-license reads exactly those from case-handling as its own service account
     * (the stand-in answers only to that token) and seals them into the licence. The face case-handling answers
     * may say more; nothing but the named fields is taken from it. A redelivery fetches nothing again.
     */
    @Test
    void personalFaceFieldsAreFetchedFromCaseHandlingWithTheServiceAccountNeverReadFromTheTopic() {
        String idNumber = Fixtures.newIdNumber();
        String caseId = UUID.randomUUID().toString();
        Map<String, Object> onTopic = Fixtures.spjyxkz();
        onTopic.remove("legalRepresentative");
        Map<String, Object> caseHandlingFace = Fixtures.spjyxkz();
        caseHandlingFace.put("legalRepresentative", "钱多多");
        caseHandlingFace.put("premises", "not the premises on the approval");
        CaseHandlingStub.server().stubFor(get(urlEqualTo("/api/v1/cases/" + caseId + "/license-face"))
                .withHeader("Authorization", equalTo("Bearer " + CaseHandlingStub.SERVICE_ACCOUNT_TOKEN))
                .willReturn(okJson(JSON.writeValueAsString(Map.of("caseId", caseId, "fields", caseHandlingFace)))));

        String approval = caseApproved(caseId, "SPJYXKZ", hasher.hashIdNumber(idNumber), onTopic,
                List.of("legalRepresentative"));
        publish(caseId, approval, approval);
        ConsumerLag.awaitCaughtUp(GROUP, CASE_TOPIC, Duration.ofSeconds(60));

        ApiClient api = ApiClient.localPort(port);
        JsonNode licences = api.get("/api/v1/licenses").token(Fixtures.citizen(idNumber)).send().json();
        assertThat(licences).hasSize(1);
        JsonNode face = api.get("/api/v1/licenses/" + licences.get(0).get("licenseId").asString())
                .token(Fixtures.citizen(idNumber)).send().json().get("fields");
        assertThat(face.get("legalRepresentative").asString()).isEqualTo("钱多多");
        assertThat(face.get("premises").asString()).as("only the named fields come from case-handling")
                .isEqualTo("宿州市埇桥区银河一路18号");
        CaseHandlingStub.server().verify(1, getRequestedFor(urlEqualTo("/api/v1/cases/" + caseId + "/license-face")));
    }

    /** A face case-handling does not have for the case (404) can never be issued: dead-lettered, nothing sealed. */
    @Test
    void anApprovalWhosePersonalFaceCaseHandlingDoesNotHaveIsDeadLettered() {
        String idNumber = Fixtures.newIdNumber();
        String caseId = UUID.randomUUID().toString();
        CaseHandlingStub.server().stubFor(get(urlEqualTo("/api/v1/cases/" + caseId + "/license-face"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"code\":\"NOT_FOUND\",\"title\":\"Not Found\"}")));
        Map<String, Object> onTopic = Fixtures.spjyxkz();
        onTopic.remove("legalRepresentative");
        publish(caseId, caseApproved(caseId, "SPJYXKZ", hasher.hashIdNumber(idNumber), onTopic,
                List.of("legalRepresentative")));

        try (TopicReader deadLetters = TopicReader.fromBeginning(CASE_TOPIC + ".DLT")) {
            deadLetters.awaitRecords(r -> r.stream().anyMatch(x -> caseId.equals(x.key())), Duration.ofSeconds(60));
        }
        assertThat(mongo.count(Query.query(Criteria.where("caseId").is(caseId)), "licenses")).isZero();
    }

    @Test
    void otherCaseEventsAreIgnored() {
        String caseId = UUID.randomUUID().toString();
        String submitted = caseApproved(caseId, "SPJYXKZ", "ab".repeat(32), Fixtures.spjyxkz())
                .replace("\"case.approved\"", "\"case.submitted\"");
        publish(caseId, submitted);
        ConsumerLag.awaitCaughtUp(GROUP, CASE_TOPIC, Duration.ofSeconds(60));
        assertThat(mongo.count(Query.query(Criteria.where("caseId").is(caseId)), "licenses")).isZero();
        try (TopicReader deadLetters = TopicReader.fromBeginning(CASE_TOPIC + ".DLT")) {
            assertThat(deadLetters.eventsOf(caseId)).isEmpty();
        }
    }

    @Test
    void aDistrictCaseIsIssuedByTheDistrictBureauInItsRegion() {
        String idNumber = Fixtures.newIdNumber();
        String caseId = UUID.randomUUID().toString();
        publish(caseId, caseApproved(caseId, "YQSCJGJ", "341302", "SPJYXKZ", hasher.hashIdNumber(idNumber),
                Fixtures.spjyxkz()));
        ConsumerLag.awaitCaughtUp(GROUP, CASE_TOPIC, Duration.ofSeconds(60));

        JsonNode licence = ApiClient.localPort(port).get("/api/v1/licenses").token(Fixtures.citizen(idNumber)).send()
                .json().get(0);
        assertThat(licence.get("issuerDepartment").asString()).isEqualTo("YQSCJGJ");
        assertThat(licence.get("licenseId").asString()).startsWith("SPJYXKZ341302");
    }

    /** A {@code case.approved} envelope as docs/service-contracts.md shapes it. */
    private static String caseApproved(String caseId, String resultLicenseType, String holderRef,
            Map<String, Object> licenseFields) {
        return caseApproved(caseId, "SCJGJ", "341300", resultLicenseType, holderRef, licenseFields);
    }

    private static String caseApproved(String caseId, String resultLicenseType, String holderRef,
            Map<String, Object> licenseFields, List<String> personalLicenseFields) {
        return caseApproved(caseId, "SCJGJ", "341300", resultLicenseType, holderRef, licenseFields)
                .replace("\"licenseFields\":", "\"personalLicenseFields\":"
                        + JSON.writeValueAsString(personalLicenseFields) + ",\"licenseFields\":");
    }

    private static String caseApproved(String caseId, String department, String region, String resultLicenseType,
            String holderRef, Map<String, Object> licenseFields) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", caseId);
        data.put("caseNo", "34130020260302" + String.format("%08d", Math.abs(caseId.hashCode() % 100_000_000)));
        data.put("implementationCode", "XK00105000341300SCJGJ");
        data.put("entryVersion", 2);
        data.put("departmentCode", department);
        data.put("region", region);
        data.put("resultLicenseType", resultLicenseType);
        data.put("holderRef", holderRef);
        data.put("holderDisplayName", "赵*");
        data.put("licenseFields", licenseFields);
        data.put("approvedBy", "approver1"); // a field e-license does not read
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("type", "case.approved");
        envelope.put("source", "case-handling");
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("aggregateType", "case");
        envelope.put("aggregateId", caseId);
        envelope.put("sequence", 5);
        envelope.put("schemaVersion", 1);
        envelope.put("region", region);
        envelope.put("correlationId", "corr-" + caseId);
        envelope.put("causationId", null);
        envelope.put("data", data);
        return JSON.writeValueAsString(envelope);
    }

    private static void publish(String key, String... envelopes) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (String envelope : envelopes) {
                producer.send(new ProducerRecord<>(CASE_TOPIC, key, envelope));
            }
            producer.flush();
        }
    }
}
