package dev.onewindow.casehandling.cases;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.casehandling.support.Peers;
import dev.onewindow.casehandling.support.People;
import dev.onewindow.casehandling.support.Stubs;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.KafkaBroker;
import dev.onewindow.platform.testkit.TokenMinter;
import dev.onewindow.platform.testkit.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No raw personal data leaves in events (个人信息保护法 §28, §51): a 居住证 application (licence type JZZ, whose face
 * fields name, sex, idNumber and residenceAddress are personal) with an ID number, mobile numbers and an address in
 * its form. The personal fields are stored encrypted (the Mongo document holds none of the values), shown in full
 * only to the department's officers and masked to the applicant and everyone else, and never on a topic:
 * {@code case.approved} carries the non-personal face fields and names the personal ones, which e-license's service
 * account alone reads from {@code GET /api/v1/cases/{id}/license-face}. Every topic and dead-letter topic of the
 * broker is read and none holds a raw value.
 */
class PersonalFormDataIT extends CaseApiSupport {

    private static final String DEPARTMENT = "GAJ";

    @Test
    void personalFormFieldsAreEncryptedMaskedAndNeverOnATopic() throws Exception {
        Map<String, Object> entry = residencePermitEntry();
        Citizen citizen = newCitizen();
        String spouseId = People.newIdNumber();
        String address = "宿州市埇桥区银河一路" + (int) (Math.random() * 1_000) + "号";
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", "张三");
        form.put("sex", "男");
        form.put("idNumber", citizen.idNumber());
        form.put("residenceAddress", address);
        form.put("residenceMonths", 12);
        form.put("contactMobile", "13912345678");
        form.put("emergencyContact", Map.of("name", "李四", "phone", "13712345678"));
        Map<String, Object> body = citizenApplication(entry, upload(citizen.token()));
        body.put("formData", form);
        Response created = api().post("/api/v1/cases").token(citizen.token()).json(body).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();

        // the applicant reads the form masked, the department's officer in full
        String maskedId = citizen.idNumber().substring(0, 6) + "********" + citizen.idNumber().substring(14);
        JsonNode masked = created.json().get("formData");
        assertThat(masked.get("name").asString()).isEqualTo("张*");
        assertThat(masked.get("sex").asString()).isEqualTo("***");
        assertThat(masked.get("idNumber").asString()).isEqualTo(maskedId);
        assertThat(masked.get("residenceAddress").asString()).isEqualTo("***");
        assertThat(masked.get("contactMobile").asString()).isEqualTo("139****5678");
        assertThat(masked.get("emergencyContact").asString()).isEqualTo("***");
        assertThat(masked.get("residenceMonths").asInt()).as("not personal").isEqualTo(12);
        String officer = People.officer(DEPARTMENT);
        JsonNode inFull = read(id, officer).get("formData");
        assertThat(inFull.get("idNumber").asString()).isEqualTo(citizen.idNumber());
        assertThat(inFull.get("residenceAddress").asString()).isEqualTo(address);
        assertThat(inFull.get("emergencyContact").get("phone").asString()).isEqualTo("13712345678");
        for (String other : List.of(citizen.token(), TokenMinter.shared().user("auditor-p", "auditor").mint(),
                TokenMinter.shared().user("supervisor-p", "supervisor").region("341300").mint(),
                People.staff("admin-p", "dept-admin", DEPARTMENT))) {
            JsonNode seen = read(id, other).get("formData");
            assertThat(seen.get("idNumber").asString()).isEqualTo(maskedId);
            assertThat(seen.get("name").asString()).isEqualTo("张*");
        }

        // the case is handled; a supplement during review adds another ID number, sealed as well
        ok(command(id, "accept", officer, null));
        ok(command(id, "review", People.reviewer(DEPARTMENT), null));
        ok(command(id, "supplement-requests", People.reviewer(DEPARTMENT), Map.of("items",
                List.of(Map.of("description", "请补充配偶身份证号码")))));
        JsonNode supplemented = ok(command(id, "supplement", citizen.token(), Map.of("materials", List.of(),
                "formData", Map.of("spouseIdNumber", spouseId)))).json();
        assertThat(supplemented.get("formData").get("spouseIdNumber").asString())
                .isEqualTo(spouseId.substring(0, 6) + "********" + spouseId.substring(14));
        assertThat(read(id, officer).get("formData").get("spouseIdNumber").asString()).isEqualTo(spouseId);
        // not approved yet: no face for anyone
        assertProblem(api().get("/api/v1/cases/" + id + "/license-face").token(eLicense()).send(), 404, "NOT_FOUND");
        assertThat(ok(command(id, "approve", People.approver(DEPARTMENT), null)).json().get("status").asString())
                .isEqualTo("APPROVED");

        // case.approved: the non-personal face fields, and the names of the personal ones
        JsonNode approved;
        try (TopicReader topic = TopicReader.fromBeginning("case-handling.case.events.v1")) {
            approved = topic.awaitEvents(id, 5, Duration.ofSeconds(30)).stream()
                    .filter(e -> "case.approved".equals(e.get("type").asString())).findFirst().orElseThrow();
        }
        JsonNode data = approved.get("data");
        assertThat(data.get("licenseFields").properties().stream().map(Map.Entry::getKey).toList())
                .containsExactly("residenceMonths");
        assertThat(data.get("personalLicenseFields").values()).extracting(JsonNode::asString)
                .containsExactly("idNumber", "name", "residenceAddress", "sex");

        // the licence face: for e-license's service account only
        Response face = api().get("/api/v1/cases/" + id + "/license-face").token(eLicense()).send();
        assertThat(face.status()).as(face.toString()).isEqualTo(200);
        assertThat(face.json().get("caseId").asString()).isEqualTo(id);
        JsonNode fields = face.json().get("fields");
        assertThat(fields.properties().stream().map(Map.Entry::getKey).collect(Collectors.toSet()))
                .isEqualTo(Set.of("name", "sex", "idNumber", "residenceAddress"));
        assertThat(fields.get("idNumber").asString()).isEqualTo(citizen.idNumber());
        assertThat(fields.get("residenceAddress").asString()).isEqualTo(address);
        for (String stranger : List.of(citizen.token(), officer, People.approver(DEPARTMENT), People.partner(),
                TokenMinter.shared().client("e-licence-impostor", "partner").mint(),
                TokenMinter.shared().user("e-license", "citizen").clientId("onewindow-app").mint())) {
            assertProblem(api().get("/api/v1/cases/" + id + "/license-face").token(stranger).send(), 404,
                    "NOT_FOUND");
        }

        // stored: none of the values in clear
        String stored = storedCase(id).toJson();
        for (String raw : List.of(citizen.idNumber(), spouseId, address, "13912345678", "13712345678")) {
            assertThat(stored).as("the stored case").doesNotContain(raw);
        }
        assertThat(storedCase(id).getList("personalFields", String.class)).contains("idNumber", "spouseIdNumber",
                "contactMobile", "emergencyContact", "name", "residenceAddress", "sex");

        // on no topic, dead-letter topics included, is any of them in clear
        List<String> everything = everyRecordOnTheBroker();
        assertThat(everything).as("records on the broker").isNotEmpty();
        for (String raw : List.of(citizen.idNumber(), spouseId, address, "13912345678", "13712345678")) {
            assertThat(everything).as("a record holding a raw personal value")
                    .noneMatch(record -> record.contains(raw));
        }
    }

    private static String eLicense() {
        return TokenMinter.shared().client("e-license").mint();
    }

    /** Every record of every topic (dead-letter topics too) the test broker holds now. */
    private static List<String> everyRecordOnTheBroker() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.shared().bootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get().stream().filter(t -> !t.startsWith("__"))
                    .collect(Collectors.toSet());
            assertThat(topics).contains("case-handling.case.events.v1");
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new LinkedHashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                    description.partitions().forEach(p -> {
                        latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest());
                        earliest.put(new TopicPartition(name, p.partition()), OffsetSpec.earliest());
                    }));
            long total = 0;
            var ends = admin.listOffsets(latest).all().get();
            var starts = admin.listOffsets(earliest).all().get();
            for (TopicPartition partition : latest.keySet()) {
                total += ends.get(partition).offset() - starts.get(partition).offset();
            }
            long expected = total;
            try (TopicReader reader = TopicReader.fromBeginning(topics.toArray(String[]::new))) {
                return reader.awaitRecords(records -> records.size() >= expected, Duration.ofSeconds(60)).stream()
                        .map(r -> String.valueOf(r.key()) + " " + r.value()).toList();
            }
        }
    }

    private JsonNode read(String id, String token) {
        return ok(api().get("/api/v1/cases/" + id).token(token).send()).json();
    }

    /** 居住证申领 of the police department, issuing a JZZ whose face (e-license's schema) is all personal. */
    private static Map<String, Object> residencePermitEntry() {
        Map<String, Object> entry = Stubs.entry(Stubs.implementationCode(DEPARTMENT), 1, DEPARTMENT);
        entry.put("name", "居住证申领");
        entry.put("itemType", "QT");
        entry.put("result", Stubs.result("LICENSE", "JZZ"));
        entry.put("materials", List.of(Stubs.material("M01", "租赁合同", true, List.of())));
        entry.put("formFields", List.of(
                Map.of("name", "name", "label", "姓名", "personal", true, "required", true),
                Map.of("name", "residenceMonths", "label", "居住月数", "personal", false, "required", true),
                Map.of("name", "contactMobile", "label", "联系电话", "personal", false, "required", false)));
        Stubs.publish(entry);
        Peers.elicense().stubFor(get(urlEqualTo("/api/v1/licenses/types/JZZ")).willReturn(okJson("""
                {"code":"JZZ","name":"居住证","issuingDepartments":["GAJ"],"validity":"P1Y","permanent":false,
                 "fields":[
                  {"name":"name","label":"姓名","type":"STRING","required":true,"personal":true},
                  {"name":"sex","label":"性别","type":"STRING","required":false,"personal":true,
                   "allowedValues":["男","女"]},
                  {"name":"idNumber","label":"公民身份号码","type":"ID_NUMBER","required":false,"personal":true},
                  {"name":"residenceAddress","label":"居住地址","type":"STRING","required":true,"personal":true}]}
                """)));
        Peers.elicense().stubFor(post(urlEqualTo("/api/v1/licenses/types/JZZ/check"))
                .willReturn(okJson("{\"typeCode\":\"JZZ\",\"fits\":true}")));
        return entry;
    }
}
