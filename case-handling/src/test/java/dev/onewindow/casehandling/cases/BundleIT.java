package dev.onewindow.casehandling.cases;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.casehandling.support.People;
import dev.onewindow.casehandling.support.Stubs;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 一件事: one submission of a bundle of three entries creates a parent and three member cases in three departments,
 * each on its own clock; the parent summarises its members and completes when all three have.
 */
class BundleIT extends CaseApiSupport {

    @Test
    void aBundleOfThreeCompletesWhenAllItsMembersHave() {
        List<String> departments = List.of("WSJKW", "GAJ", "RSJ");
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> entry = Stubs.entry(Stubs.implementationCode(departments.get(i)), 1 + i,
                    departments.get(i));
            entry.put("result", Stubs.result("DOCUMENT", null));
            entry.put("promisedLimitDays", 5 * (i + 1));
            // 出生医学证明 is needed by every member (its own M01 each); M02 differs per member
            entry.put("materials", List.of(Stubs.material("M01", "出生医学证明", true, List.of()),
                    Stubs.material("M02", "材料" + i, true, List.of())));
            Stubs.publish(entry);
            entries.add(entry);
        }
        String bundleCode = "CSYJS-" + UUID.randomUUID().toString().substring(0, 6);
        Stubs.bundle(bundleCode, "WSJKW", entries);
        Citizen citizen = newCitizen();
        long before = storedCases();

        // everything asked once, by the bundle's merged codes: B01 stands for every member's M01
        Response missing = api().post("/api/v1/cases/bundles").token(citizen.token())
                .json(bundle(bundleCode, citizen, List.of("B01", "B02", "B03"))).send();
        assertProblem(missing, 400, "MISSING_MATERIALS");
        assertThat(missing.json().get("missingMaterials").values()).extracting(JsonNode::asString)
                .containsExactly("B04");
        assertThat(storedCases()).isEqualTo(before);

        Response created = api().post("/api/v1/cases/bundles").token(citizen.token())
                .json(bundle(bundleCode, citizen, List.of("B01", "B02", "B03", "B04"))).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode parent = created.json();
        String parentId = parent.get("id").asString();
        assertThat(parent.get("kind").asString()).isEqualTo("BUNDLE");
        assertThat(parent.get("bundleCode").asString()).isEqualTo(bundleCode);
        assertThat(parent.get("departmentCode").asString()).isEqualTo("WSJKW");
        assertThat(parent.get("children").values()).hasSize(3);
        assertThat(storedCases()).isEqualTo(before + 4);

        List<String> childIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode child = parent.get("children").get(i);
            assertThat(child.get("departmentCode").asString()).isEqualTo(departments.get(i));
            String childId = child.get("caseId").asString();
            childIds.add(childId);
            JsonNode member = ok(api().get("/api/v1/cases/" + childId).token(citizen.token()).send()).json();
            assertThat(member.get("kind").asString()).isEqualTo("BUNDLE_MEMBER");
            assertThat(member.get("parentCaseId").asString()).isEqualTo(parentId);
            assertThat(member.get("entryVersion").asInt()).isEqualTo(1 + i);
            // each member got the merged materials under its own entry's codes
            assertThat(member.get("materials").values()).extracting(m -> m.get("code").asString())
                    .containsExactly("M01", "M02");
            assertThat(member.get("caseNo").asString()).isNotEqualTo(parent.get("caseNo").asString());
        }
        // the lead department cannot act on the parent: members are handled in their departments
        assertProblem(command(parentId, "accept", People.officer("WSJKW"), null), 409, "BUNDLE_PARENT");
        // another department's member is not visible to the lead department's officer
        assertProblem(api().get("/api/v1/cases/" + childIds.get(1)).token(People.officer("WSJKW")).send(), 404,
                "NOT_FOUND");

        for (int i = 0; i < 3; i++) {
            String department = departments.get(i);
            JsonNode accepted = ok(command(childIds.get(i), "accept", People.officer(department), null)).json();
            assertThat(accepted.get("clock").get("limitWorkingDays").asInt()).isEqualTo(5 * (i + 1));
        }
        awaitParent(parentId, "ACCEPTED");
        for (int i = 0; i < 2; i++) {
            complete(childIds.get(i), departments.get(i));
        }
        // two of three done: the parent shows each member's progress and waits for its least advanced one
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                ok(api().get("/api/v1/cases/" + parentId).token(citizen.token()).send()).json().get("children")
                        .values()).extracting(c -> c.get("status").asString())
                .containsExactly("COMPLETED", "COMPLETED", "ACCEPTED"));
        assertThat(storedCase(parentId).getString("status")).isEqualTo("ACCEPTED");

        complete(childIds.get(2), departments.get(2));
        awaitParent(parentId, "COMPLETED");
        try (TopicReader topic = TopicReader.fromBeginning("case-handling.case.events.v1")) {
            List<JsonNode> events = topic.awaitEvents(parentId, 2, Duration.ofSeconds(30));
            assertThat(events).extracting(e -> e.get("type").asString())
                    .containsExactly("case.submitted", "case.completed");
            assertThat(events.get(1).get("data").get("bundleCode").asString()).isEqualTo(bundleCode);
            assertThat(events.get(1).get("data").get("outcome").asString()).isEqualTo("APPROVED");
        }
    }

    private void complete(String caseId, String department) {
        ok(command(caseId, "review", People.reviewer(department), null));
        assertThat(ok(command(caseId, "approve", People.approver(department), null)).json().get("status")
                .asString()).isEqualTo("COMPLETED");
    }

    private void awaitParent(String parentId, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(storedCase(parentId).getString("status")).isEqualTo(status));
    }

    private Map<String, Object> bundle(String bundleCode, Citizen citizen, List<String> codes) {
        String fileId = upload(citizen.token());
        return Map.of("bundleCode", bundleCode, "channel", "MINI_PROGRAM",
                "applicant", Map.of("name", "张三"), "formData", Map.of("babyName", "张小宝"),
                "materials", codes.stream().map(code -> Map.of("code", code, "fileId", fileId)).toList());
    }
}
