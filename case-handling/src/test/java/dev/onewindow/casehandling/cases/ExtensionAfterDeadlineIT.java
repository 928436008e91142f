package dev.onewindow.casehandling.cases;

import java.time.LocalDateTime;
import java.util.Map;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.casehandling.support.People;
import dev.onewindow.casehandling.support.Stubs;
import dev.onewindow.casehandling.support.TestClock;
import dev.onewindow.platform.testkit.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 延期 only while a decision is still due (行政许可法 §42: the limit may be extended when a decision cannot be made
 * within it): once the due instant has passed, an extension would turn a red (超期) case green again and hide that it
 * is overdue, so it is refused with {@code 409 EXTENSION_AFTER_DEADLINE} and the case is left as it was.
 */
class ExtensionAfterDeadlineIT extends CaseApiSupport {

    private static final String DEPARTMENT = "ZRZYJ";

    @Test
    void anOverdueCaseCannotBeExtendedBackToGreen() {
        Map<String, Object> entry = Stubs.publishedDocumentEntry(DEPARTMENT, 2);
        String officer = People.officer(DEPARTMENT);
        String reviewer = People.reviewer(DEPARTMENT);
        String approver = People.approver(DEPARTMENT);

        // Monday 2026-03-02 09:00: accepted with 2 working days → due at the end of Wednesday 03-04
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 2, 9, 0));
        String overdue = submitAsCitizen(newCitizen(), entry).json().get("id").asString();
        ok(command(overdue, "accept", officer, null));
        ok(command(overdue, "review", reviewer, null));
        String inTime = submitAsCitizen(newCitizen(), entry).json().get("id").asString();
        ok(command(inTime, "accept", officer, null));
        ok(command(inTime, "review", reviewer, null));

        // Wednesday 23:59: still within the limit, the one extension is granted
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 4, 23, 59));
        JsonNode extended = ok(command(inTime, "extensions", approver, Map.of("workingDays", 3,
                "reason", "情况复杂, 经负责人批准延期"))).json();
        assertThat(extended.get("clock").get("dueAt").asString()).isEqualTo("2026-03-09T16:00:00Z");

        // Thursday 03-05 09:00: the other case is overdue (RED) and stays so
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 5, 9, 0));
        JsonNode before = ok(api().get("/api/v1/cases/" + overdue).token(officer).send()).json();
        assertThat(before.get("clock").get("level").asString()).isEqualTo("RED");
        long version = storedCase(overdue).getLong("version");

        Response refused = command(overdue, "extensions", approver, Map.of("workingDays", 5,
                "reason", "情况复杂, 经负责人批准延期"));
        assertProblem(refused, 409, "EXTENSION_AFTER_DEADLINE");
        assertThat(refused.json().get("dueAt").asString()).isEqualTo("2026-03-04T16:00:00Z");

        JsonNode after = ok(api().get("/api/v1/cases/" + overdue).token(officer).send()).json();
        assertThat(after.get("clock").get("level").asString()).isEqualTo("RED");
        assertThat(after.get("clock").get("dueAt").asString()).isEqualTo("2026-03-04T16:00:00Z");
        assertThat(after.get("clock").get("extensionWorkingDays").asInt()).isZero();
        assertThat(storedCase(overdue).getLong("version")).as("nothing stored").isEqualTo(version);
    }
}
