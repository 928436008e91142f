package dev.onewindow.casehandling.cases;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.casehandling.support.People;
import dev.onewindow.casehandling.support.Stubs;
import dev.onewindow.casehandling.support.TestClock;
import dev.onewindow.platform.testkit.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every ending is 办结: a case approved and delivered, denied, or rejected at acceptance ends with exactly one
 * {@code case.completed} carrying {@code outcome} and {@code onTime} (and {@code lateWorkingDays} when late), so
 * rating invitations and on-time statistics count the applicants who were refused too; the status stays DENIED or
 * REJECTED. A withdrawal ends with {@code case.withdrawn} and no completion. A bundle parent's completion carries
 * the most serious outcome of its members.
 */
class CaseEndingsIT extends CaseApiSupport {

    private static final String TOPIC = "case-handling.case.events.v1";
    private static final String DEPARTMENT = "SCJGJ";

    @Test
    void approvedDeniedAndRejectedCasesEachCompleteOnceWithTheirOutcome() {
        Map<String, Object> entry = Stubs.publishedDocumentEntry(DEPARTMENT, 2);
        String officer = People.officer(DEPARTMENT);

        // Monday 2026-03-02 09:00; decisions due at the end of Wednesday 03-04, acceptance by the end of 03-09
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 2, 9, 0));
        String approved = inReview(entry);
        String denied = inReview(entry);
        String deniedLate = inReview(entry);
        String rejected = submitAsCitizen(newCitizen(), entry).json().get("id").asString();
        String rejectedLate = submitAsCitizen(newCitizen(), entry).json().get("id").asString();
        Citizen applicant = newCitizen();
        String withdrawn = submitAsCitizen(applicant, entry).json().get("id").asString();
        ok(command(withdrawn, "accept", officer, null));

        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 3, 10, 0));
        ok(command(approved, "approve", People.approver(DEPARTMENT), null));
        JsonNode refused = ok(command(denied, "deny", People.approver(DEPARTMENT), Map.of("reason", "不符合条件",
                "remedy", "可申请行政复议"))).json();
        assertThat(refused.get("status").asString()).as("the status stays DENIED").isEqualTo("DENIED");
        assertThat(refused.get("completedAt").asString()).isEqualTo("2026-03-03T02:00:00Z");
        assertThat(ok(command(rejected, "reject", officer, Map.of("reason", "不属于本部门职权范围"))).json()
                .get("status").asString()).isEqualTo("REJECTED");
        ok(command(withdrawn, "withdraw", applicant.token(), Map.of("reason", "不再需要")));

        // Wednesday 03-11 10:00: a denial a working week late, a rejection two working days after its window
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 11, 10, 0));
        ok(command(deniedLate, "deny", People.approver(DEPARTMENT), Map.of("reason", "不符合条件",
                "remedy", "可申请行政复议")));
        ok(command(rejectedLate, "reject", officer, Map.of("reason", "材料不齐")));

        try (TopicReader topic = TopicReader.fromBeginning(TOPIC)) {
            assertCompletedOnce(topic, approved, "case.approved", "APPROVED", true, null);
            assertCompletedOnce(topic, denied, "case.denied", "DENIED", true, null);
            // due at the end of 03-04; denied 03-11 10:00: 03-05, 06, 09, 10 and part of 03-11 → 5 working days
            assertCompletedOnce(topic, deniedLate, "case.denied", "DENIED", false, 5);
            assertCompletedOnce(topic, rejected, "case.rejected", "REJECTED", true, null);
            // the acceptance window ended with 03-09; rejected 03-11 10:00 → 2 working days late
            assertCompletedOnce(topic, rejectedLate, "case.rejected", "REJECTED", false, 2);

            List<JsonNode> ending = topic.awaitEvents(withdrawn, 3, Duration.ofSeconds(30));
            assertThat(ending.get(2).get("type").asString()).isEqualTo("case.withdrawn");
            assertThat(topic.eventsOf(withdrawn)).extracting(e -> e.get("type").asString())
                    .doesNotContain("case.completed");
        }
        assertThat(storedCase(deniedLate).getString("status")).isEqualTo("DENIED");
        assertThat(storedCase(rejectedLate).getString("status")).isEqualTo("REJECTED");
    }

    @Test
    void aBundleWithADeniedMemberCompletesAsDenied() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String department : List.of("WSJKW", "GAJ")) {
            Map<String, Object> entry = Stubs.entry(Stubs.implementationCode(department), 1, department);
            entry.put("result", Stubs.result("DOCUMENT", null));
            entry.put("materials", List.of(Stubs.material("M01", "出生医学证明", true, List.of())));
            Stubs.publish(entry);
            entries.add(entry);
        }
        String bundleCode = "ENDS-" + UUID.randomUUID().toString().substring(0, 6);
        Stubs.bundle(bundleCode, "WSJKW", entries);
        Citizen citizen = newCitizen();
        JsonNode parent = ok201(api().post("/api/v1/cases/bundles").token(citizen.token()).json(Map.of(
                "bundleCode", bundleCode, "channel", "MINI_PROGRAM", "applicant", Map.of("name", "张三"),
                "formData", Map.of("babyName", "张小宝"),
                "materials", List.of(Map.of("code", "B01", "fileId", upload(citizen.token()))))).send());
        String parentId = parent.get("id").asString();
        String approvedMember = parent.get("children").get(0).get("caseId").asString();
        String deniedMember = parent.get("children").get(1).get("caseId").asString();

        ok(command(approvedMember, "accept", People.officer("WSJKW"), null));
        ok(command(approvedMember, "review", People.reviewer("WSJKW"), null));
        ok(command(approvedMember, "approve", People.approver("WSJKW"), null));
        ok(command(deniedMember, "accept", People.officer("GAJ"), null));
        ok(command(deniedMember, "review", People.reviewer("GAJ"), null));
        ok(command(deniedMember, "deny", People.approver("GAJ"), Map.of("reason", "户籍不符", "remedy", "可申请行政复议")));

        await().atMost(Duration.ofSeconds(30)).until(() -> "DENIED".equals(storedCase(parentId).getString("status")));
        try (TopicReader topic = TopicReader.fromBeginning(TOPIC)) {
            List<JsonNode> events = topic.awaitEvents(parentId, 2, Duration.ofSeconds(30));
            assertThat(events).extracting(e -> e.get("type").asString())
                    .containsExactly("case.submitted", "case.completed");
            JsonNode data = events.get(1).get("data");
            assertThat(data.get("outcome").asString()).isEqualTo("DENIED");
            assertThat(data.get("status").asString()).isEqualTo("DENIED");
            assertThat(data.get("kind").asString()).isEqualTo("BUNDLE");
        }
    }

    private void assertCompletedOnce(TopicReader topic, String caseId, String decisionType, String outcome,
            boolean onTime, Integer lateWorkingDays) {
        topic.awaitRecords(records -> records.stream().filter(r -> caseId.equals(r.key()))
                .anyMatch(r -> r.value().contains("\"case.completed\"")), Duration.ofSeconds(30));
        List<JsonNode> events = topic.eventsOf(caseId);
        List<JsonNode> completions = events.stream().filter(e -> "case.completed".equals(e.get("type").asString()))
                .toList();
        assertThat(completions).as(caseId).hasSize(1);
        JsonNode completion = completions.get(0);
        JsonNode decision = events.stream().filter(e -> decisionType.equals(e.get("type").asString())).findFirst()
                .orElseThrow();
        assertThat(completion.get("sequence").asLong()).isEqualTo(decision.get("sequence").asLong() + 1);
        JsonNode data = completion.get("data");
        assertThat(data.get("outcome").asString()).isEqualTo(outcome);
        assertThat(data.get("onTime").asBoolean()).isEqualTo(onTime);
        if (lateWorkingDays == null) {
            assertThat(data.get("lateWorkingDays") == null || data.get("lateWorkingDays").isNull()).isTrue();
        } else {
            assertThat(data.get("lateWorkingDays").asInt()).isEqualTo(lateWorkingDays);
        }
        assertThat(data.get("status").asString()).isEqualTo(outcome.equals("APPROVED") ? "COMPLETED" : outcome);
    }

    private String inReview(Map<String, Object> entry) {
        String id = submitAsCitizen(newCitizen(), entry).json().get("id").asString();
        ok(command(id, "accept", People.officer(DEPARTMENT), null));
        ok(command(id, "review", People.reviewer(DEPARTMENT), null));
        return id;
    }

    private static JsonNode ok201(dev.onewindow.platform.testkit.ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }
}
