package dev.onewindow.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.Eventually;
import dev.onewindow.platform.testkit.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city scenarios 1, 4 and 5 of docs/domain.md ("Scenarios") — scenario 2 is {@link HotlineScenarioIT}, scenario 3
 * {@link DataSharingScenarioIT} — and the access rules met on the way, black-box: real Keycloak logins of the demo
 * users, only public HTTP APIs through the gateway, time moved for the whole stack where a deadline must pass, and the
 * events read back from the stack's Kafka.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScenariosIT {

    static final String SHOP_ENTRY = "XK00201000341300SCJGJ";        // 个体工商户设立登记 → 营业执照
    static final String RESIDENCE_PERMIT = "QT00601000341300GAJ";    // 居住证申领, 秒批 → 居住证
    static final String CITIZEN1_ID_NUMBER = "341302199003071234";
    static final String CITIZEN2_ID_NUMBER = "341302199208152468";

    private final ApiClient gateway = ApiClient.at(LocalStack.GATEWAY);

    @BeforeAll
    static void stack() {
        LocalStack.ensureUp();
    }

    @Test
    @Order(1)
    void scenario4AutoApprovalCompletesWithANewLicenseWithoutAnyOfficerUnderTheEntrysRuleSet() {
        Citizen citizen = new Citizen("citizen1");
        String authorization = citizen.authorize("GAJ", citizen.licenseOfType("JMSFZ"));
        Response submitted = citizen.submit(Map.of(
                "implementationCode", RESIDENCE_PERMIT, "channel", "MINI_PROGRAM",
                "applicant", Map.of("type", "NATURAL_PERSON", "name", "张三"),
                "formData", Map.of("name", "张三", "residenceAddress", "宿州市埇桥区汴河路1号", "residenceMonths", 14),
                "materials", Citizen.materials("M01", "licenseAuthorization", authorization,
                        "M02", "fileId", citizen.upload("租赁合同.pdf", "application/pdf"),
                        "M03", "fileId", citizen.upload("photo.jpg", "image/jpeg"))));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String caseId = submitted.json().get("id").asString();

        JsonNode completed = citizen.awaitStatus(caseId, "COMPLETED", Duration.ofSeconds(30));
        // the case records the rule set it was decided by: the version the catalog publishes for the entry
        String ruleSet = gateway.get("/api/v1/catalog/entries/" + RESIDENCE_PERMIT).send().json()
                .get("autoApproval").get("ruleSetVersion").asString();
        assertThat(ruleSet).isNotBlank();
        assertThat(completed.get("autoApproval").get("ruleSetVersion").asString()).isEqualTo(ruleSet);
        assertThat(completed.get("autoApproval").get("passed").asBoolean()).isTrue();
        assertThat(completed.get("autoApproval").get("failedRules").values()).isEmpty();
        // what the citizen sees: completed, its clock stopped on time
        assertThat(completed.get("clock").get("stopped").asBoolean()).isTrue();
        assertThat(completed.get("clock").get("dueAt").isNull()).isFalse();
        String licenseId = completed.get("licenseId").asString();
        Response verified = gateway.get("/api/v1/licenses/verify/" + licenseId).send();
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().get("signatureValid").asBoolean()).isTrue();
        assertThat(verified.json().get("status").asString()).isEqualTo("VALID");
        // nobody but the system acted on the case
        Response history = gateway.get("/api/v1/cases/" + caseId + "/history").token(citizen.token).send();
        assertThat(history.rawBody()).doesNotContain("officer1").doesNotContain("reviewer1").doesNotContain("approver1");
        StackTopics.assertNoRawIdNumberOrMobile(CITIZEN1_ID_NUMBER);
    }

    @Test
    @Order(2)
    void scenario1ApplyWithAnELicenseToAVerifiedLicenseThenABadRatingRunsLateAndIsSupervised() {
        Citizen citizen = new Citizen("citizen1");
        Response search = gateway.get("/api/v1/catalog/items?q=%E4%B8%AA%E4%BD%93%E5%B7%A5%E5%95%86%E6%88%B7").send();
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().get("content").values()).extracting(e -> e.get("implementationCode").asString())
                .contains(SHOP_ENTRY);

        String caseId = submitShop(citizen, citizen.authorize("SCJGJ", citizen.licenseOfType("JMSFZ")));
        JsonNode accepted = act("officer1", caseId, "accept");
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        // promised 1 working day: due at the end of the next working day on the calendar, Asia/Shanghai
        assertThat(accepted.get("clock").get("dueAt").asString()).endsWith("T16:00:00Z");
        // what the citizen sees of her case: its state, deadline and level
        JsonNode seen = citizen.caseById(caseId);
        assertThat(seen.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(seen.get("clock").get("dueAt").asString()).isEqualTo(accepted.get("clock").get("dueAt").asString());
        assertThat(seen.get("clock").get("level").asString()).isIn("GREEN", "YELLOW") // YELLOW late in its only day
                .isEqualTo(accepted.get("clock").get("level").asString());
        assertThat(act("reviewer1", caseId, "review").get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(act("approver1", caseId, "approve").get("status").asString()).isIn("APPROVED", "COMPLETED");

        JsonNode completed = citizen.awaitStatus(caseId, "COMPLETED", Duration.ofSeconds(30));
        Response license = gateway.get("/api/v1/licenses/" + completed.get("licenseId").asString())
                .token(citizen.token).send();
        assertThat(license.status()).as(license.toString()).isEqualTo(200);
        Response verified = gateway.post("/api/v1/licenses/verify")
                .json(Map.of("qr", license.json().get("qrToken").asString())).send();
        assertThat(verified.json().get("signatureValid").asBoolean()).isTrue();
        assertThat(verified.json().get("status").asString()).isEqualTo("VALID");

        // the envelopes on the stack's Kafka, in order for this case
        try (TopicReader topic = TopicReader.fromBeginning(LocalStack.KAFKA, List.of("case-handling.case.events.v1"))) {
            List<JsonNode> events = topic.awaitEvents(caseId, 4, Duration.ofSeconds(30));
            assertThat(events).extracting(e -> e.get("type").asString()).containsSubsequence("case.submitted",
                    "case.accepted", "case.approved", "case.completed");
            assertThat(events).extracting(e -> e.get("sequence").asLong()).isSorted();
            JsonNode submitted = events.get(0);
            assertThat(submitted.get("source").asString()).isEqualTo("case-handling");
            assertThat(submitted.get("region").asString()).isEqualTo("341300");
            assertThat(submitted.get("correlationId").asString()).isNotBlank();
            assertThat(submitted.toString()).doesNotContain("341302199003071234"); // citizen1's ID number
        }

        String rectificationId = rateBadly(citizen, caseId, "SCJGJ");
        // the department gives no feedback; time passes the rectification's limit for every service at once
        LocalStack.advanceClock(Duration.ofDays(10));
        try (TopicReader topic = TopicReader.fromBeginning(LocalStack.KAFKA,
                List.of("evaluation.rectification.events.v1"))) {
            List<JsonNode> events = topic.awaitEvents(rectificationId, 2, Duration.ofSeconds(150));
            assertThat(events).extracting(e -> e.get("type").asString())
                    .containsSubsequence("rectification.opened", "rectification.overdue");
            JsonNode overdue = events.stream().filter(e -> e.get("type").asString().equals("rectification.overdue"))
                    .findFirst().orElseThrow();
            assertThat(overdue.get("data").get("department").asString()).isEqualTo("SCJGJ");
            // "overdue" is judged against the stack's now, so it is read while time is still moved on
            Response rectification = gateway.get("/api/v1/evaluations/rectifications/" + rectificationId)
                    .token(Keycloak.login("handler4")).send();
            assertThat(rectification.status()).as(rectification.toString()).isEqualTo(200);
            assertThat(rectification.json().get("overdue").asBoolean()).isTrue();
            superviseTheOverdueRectification(rectificationId, "SCJGJ", "handler4");
        } finally {
            LocalStack.resetClock(); // the scenarios after this one count their deadlines from real time
        }
        StackTopics.assertNoRawIdNumberOrMobile(CITIZEN1_ID_NUMBER);
    }

    /**
     * 电子监察 and 督办: supervision, counting the rectification's clock itself, raises the RED alert and opens a
     * supervision order addressed to the department; the department's handler replies and the supervisor closes it.
     */
    private void superviseTheOverdueRectification(String rectificationId, String department, String handler) {
        String supervisor = Keycloak.login("supervisor1");
        JsonNode alert = Supervisor.awaitAlert(rectificationId, "RED", Duration.ofSeconds(120));
        JsonNode order = Supervisor.awaitOrder(rectificationId, Duration.ofSeconds(60));
        assertThat(alert.get("department").asString()).isEqualTo(department);
        assertThat(order.get("department").asString()).isEqualTo(department);
        assertThat(order.get("alertId").asString()).isEqualTo(alert.get("id").asString());

        Response replied = gateway.post("/api/v1/supervision/orders/" + order.get("id").asString() + "/reply")
                .token(Keycloak.login(handler)).json(Map.of("version", order.get("version").asLong(),
                        "text", "已回访申请人并完成整改")).send();
        assertThat(replied.status()).as(replied.toString()).isEqualTo(200);
        Response closed = gateway.post("/api/v1/supervision/orders/" + order.get("id").asString() + "/close")
                .token(supervisor).json(Map.of("version", replied.json().get("version").asLong(),
                        "note", "整改到位")).send();
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
    }

    /**
     * 好差评 of a completed case: its applicant finds the invitation, rates 不满意 (2) with a standard reason, and a
     * rectification opens for the department that handled it, seen by that department's handler (not the rater).
     */
    private String rateBadly(Citizen citizen, String caseId, String department) {
        Eventually.holds(Duration.ofSeconds(30), () -> {
            Response mine = gateway.get("/api/v1/evaluations/invitations/mine?size=50").token(citizen.token).send();
            assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
            assertThat(mine.json().get("items").values()).extracting(i -> i.get("subjectId").asString())
                    .contains(caseId);
        });
        String reason = gateway.get("/api/v1/evaluations/reasons").send().json().get(0).get("code").asString();
        Response rated = gateway.post("/api/v1/evaluations/ratings").token(citizen.token).json(Map.of(
                "subjectType", "CASE", "subjectId", caseId, "stage", "COMPLETION", "level", 2,
                "reasons", List.of(reason), "text", "窗口让我跑了两次", "channel", "MOBILE_APP")).send();
        assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
        assertThat(rated.json().get("bad").asBoolean()).isTrue();

        String[] rectificationId = new String[1];
        Eventually.holds(Duration.ofSeconds(30), () -> {
            Response open = gateway.get("/api/v1/evaluations/rectifications?size=50")
                    .token(Keycloak.login("handler4")).send();
            assertThat(open.status()).as(open.toString()).isEqualTo(200);
            JsonNode mine = open.json().get("items").values().stream()
                    .filter(r -> r.get("subjectId").asString().equals(caseId)).findFirst().orElse(null);
            assertThat(mine).as("a rectification of case %s for %s", caseId, department).isNotNull();
            assertThat(mine.get("department").asString()).isEqualTo(department);
            assertThat(mine.toString()).doesNotContain(citizen.username);
            rectificationId[0] = mine.get("id").asString();
        });
        return rectificationId[0];
    }

    @Test
    @Order(3)
    void scenario5OneBundleSubmissionMakesThreeChildCasesOneRunsLateIsAlertedAndTheParentCompletesWithAll() {
        Citizen citizen = new Citizen("citizen2");
        JsonNode bundle = gateway.get("/api/v1/catalog/bundles/CSYJS").send().json();
        List<Map<String, String>> materials = new ArrayList<>();
        for (JsonNode material : bundle.get("materials")) {
            if (material.path("required").asBoolean()) {
                materials.add(Map.of("code", material.get("code").asString(), "fileId",
                        citizen.upload(material.get("name").asString() + ".pdf", "application/pdf")));
            }
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("newbornName", "王小明");
        form.put("sex", "男");
        form.put("birthTime", "2026-11-20 08:30");
        form.put("birthPlace", "宿州市立医院");
        form.put("motherName", "王芳");
        form.put("name", "王小明");
        Response submitted = gateway.post("/api/v1/cases/bundles").token(citizen.token).json(Map.of(
                "bundleCode", "CSYJS", "channel", "MOBILE_APP",
                "applicant", Map.of("type", "NATURAL_PERSON", "name", "王芳"),
                "formData", form, "materials", materials)).send();
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String parentId = submitted.json().get("id").asString();
        JsonNode children = citizen.caseById(parentId).get("children");
        assertThat(children).hasSize(3);
        // each department's officer accepts and reviews; a second person decides (审批分离)
        Map<String, String> officerOf = Map.of("WSJKW", "officer2", "GAJ", "officer3", "RSJ", "officer4");
        Map<String, String> approverOf = Map.of("WSJKW", "approver2", "GAJ", "approver3", "RSJ", "approver4");
        Map<String, JsonNode> accepted = new LinkedHashMap<>();
        for (JsonNode child : children) {
            String childId = child.has("caseId") ? child.get("caseId").asString() : child.get("id").asString();
            String department = child.get("departmentCode").asString();
            assertThat(officerOf.get(department)).as("a department of the bundle: " + department).isNotNull();
            accepted.put(childId, act(officerOf.get(department), childId, "accept"));
        }
        List<String> childIds = List.copyOf(accepted.keySet());
        for (String childId : childIds.subList(0, 2)) {
            String department = accepted.get(childId).get("departmentCode").asString();
            act(officerOf.get(department), childId, "review");
            act(approverOf.get(department), childId, "approve");
            citizen.awaitStatus(childId, "COMPLETED", Duration.ofSeconds(30));
        }
        // the third child's department lets its deadline pass
        String lateId = childIds.get(2);
        String lateDepartment = accepted.get(lateId).get("departmentCode").asString();
        Instant due = Instant.parse(accepted.get(lateId).get("clock").get("dueAt").asString());
        JsonNode waiting = citizen.caseById(parentId);
        assertThat(waiting.get("status").asString()).isNotEqualTo("COMPLETED");
        assertThat(citizen.caseById(lateId).get("clock").get("level").asString()).isIn("GREEN", "YELLOW");
        LocalStack.advanceClock(Duration.between(Instant.now(), due).plus(Duration.ofHours(2)));
        try {
            JsonNode alert = Supervisor.awaitAlert(lateId, "RED", Duration.ofSeconds(120));
            assertThat(alert.get("source").asString()).isEqualTo("CASE");
            assertThat(alert.get("department").asString()).isEqualTo(lateDepartment);
            // what the citizen sees: her late child case is RED, the bundle still open
            JsonNode late = citizen.caseById(lateId);
            assertThat(late.get("status").asString()).isEqualTo("ACCEPTED");
            assertThat(late.get("clock").get("level").asString()).isEqualTo("RED");
            assertThat(Instant.parse(late.get("clock").get("dueAt").asString())).isEqualTo(due);
            assertThat(citizen.caseById(parentId).get("status").asString()).isNotEqualTo("COMPLETED");
            // it is done late; with it the last child, the parent completes
            act(officerOf.get(lateDepartment), lateId, "review");
            act(approverOf.get(lateDepartment), lateId, "approve");
            citizen.awaitStatus(lateId, "COMPLETED", Duration.ofSeconds(30));
            citizen.awaitStatus(parentId, "COMPLETED", Duration.ofSeconds(30));
        } finally {
            LocalStack.resetClock();
        }
        StackTopics.assertNoRawIdNumberOrMobile(CITIZEN2_ID_NUMBER);
    }

    @Test
    @Order(4)
    void departmentsAndCitizensSeeOnlyTheirOwnAndPartnersOnlyWhatPartnersMay() {
        Citizen citizen1 = new Citizen("citizen1");
        String caseId = submitShop(citizen1, citizen1.authorize("SCJGJ", citizen1.licenseOfType("JMSFZ")));
        // officer5 works for another department (YQSCJGJ, district 341302)
        String otherOfficer = Keycloak.login("officer5");
        assertThat(gateway.get("/api/v1/cases/" + caseId).token(otherOfficer).send().status()).isEqualTo(404);
        assertThat(gateway.post("/api/v1/cases/" + caseId + "/accept").token(otherOfficer).json(Map.of()).send()
                .status()).isIn(403, 404);
        assertThat(gateway.get("/api/v1/cases?status=SUBMITTED").token(otherOfficer).send().rawBody())
                .doesNotContain(caseId);
        // citizen2 sees neither citizen1's case nor citizen1's license
        Citizen citizen2 = new Citizen("citizen2");
        assertThat(gateway.get("/api/v1/cases/" + caseId).token(citizen2.token).send().status()).isEqualTo(404);
        assertThat(gateway.get("/api/v1/licenses/" + citizen1.licenseOfType("JMSFZ")).token(citizen2.token).send()
                .status()).isEqualTo(404);
        // a partner system may read the public catalog but may not act as an officer or read citizens' cases
        String partner = Keycloak.partnerToken();
        assertThat(gateway.get("/api/v1/catalog/entries/" + SHOP_ENTRY).token(partner).send().status())
                .isEqualTo(200);
        assertThat(gateway.post("/api/v1/cases/" + caseId + "/accept").token(partner).json(Map.of()).send()
                .status()).isIn(403, 404);
        assertThat(gateway.get("/api/v1/cases/" + caseId).token(partner).send().status()).isIn(403, 404);
    }

    @Test
    @Order(5)
    void whenELicenseIsDownTheOfferGetsAClearProblemAndTheUploadPathStillWorks() {
        Citizen citizen = new Citizen("citizen1");
        String authorization = citizen.authorize("SCJGJ", citizen.licenseOfType("JMSFZ"));
        LocalStack.stopService("e-license");
        try {
            Response refused = citizen.submit(shopApplication(citizen, "licenseAuthorization", authorization));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asString()).isEqualTo("ELICENSE_UNAVAILABLE");
            assertThat(refused.json().get("detail").asString()).contains("upload");

            Response uploaded = citizen.submit(shopApplication(citizen, "fileId",
                    citizen.upload("身份证复印件.pdf", "application/pdf")));
            assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        } finally {
            LocalStack.startServices();
        }
        Citizen again = new Citizen("citizen1");
        Response offered = again.submit(shopApplication(again, "licenseAuthorization",
                again.authorize("SCJGJ", again.licenseOfType("JMSFZ"))));
        assertThat(offered.status()).as(offered.toString()).isEqualTo(201);
    }

    private String submitShop(Citizen citizen, String authorization) {
        Response submitted = citizen.submit(shopApplication(citizen, "licenseAuthorization", authorization));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        return submitted.json().get("id").asString();
    }

    private static Map<String, Object> shopApplication(Citizen citizen, String idCardReference, String value) {
        return Map.of("implementationCode", SHOP_ENTRY, "channel", "MOBILE_APP",
                "applicant", Map.of("type", "NATURAL_PERSON", "name", "张三"),
                // the fields of the 营业执照 face (e-license's YYZZ schema)
                "formData", Map.of("entityName", "宿州市埇桥区张三便利店", "legalRepresentative", "张三",
                        "entityType", "个体工商户", "address", "安徽省宿州市埇桥区汴河中路88号",
                        "businessScope", "食品销售（仅销售预包装食品）；日用百货销售"),
                "materials", Citizen.materials(
                        "M01", "fileId", citizen.upload("个体工商户登记申请书.pdf", "application/pdf"),
                        "M02", idCardReference, value,
                        "M03", "fileId", citizen.upload("经营场所使用证明.pdf", "application/pdf")));
    }

    private JsonNode act(String staff, String caseId, String action) {
        Response response = gateway.post("/api/v1/cases/" + caseId + "/" + action).token(Keycloak.login(staff))
                .json(Map.of("comment", "e2e " + action)).send();
        assertThat(response.status()).as(staff + " " + action + ": " + response).isEqualTo(200);
        return response.json();
    }
}
