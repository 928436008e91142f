package dev.onewindow.casehandling.cases;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.casehandling.support.People;
import dev.onewindow.casehandling.support.Stubs;
import dev.onewindow.casehandling.support.TestClock;
import dev.onewindow.platform.testkit.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 逾期未告知 has its legal effect (行政许可法 §32): an application neither accepted nor sent back within the 5 working
 * days counts as accepted from the day the materials arrived. A late acceptance starts the clock at the submission
 * (or at the supplement that restarted the window), not at the late act, and the case says {@code deemedAcceptedAt}.
 */
class DeemedAcceptanceIT extends CaseApiSupport {

    private static final String DEPARTMENT = "WSJKW";

    @Test
    void aCaseAcceptedOnWorkingDaySevenIsDueCountedFromItsSubmission() {
        Map<String, Object> entry = tenDayEntry();
        String officer = People.officer(DEPARTMENT);

        // Monday 2026-03-02 09:00 submitted; the acceptance window ends with Monday 03-09
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 2, 9, 0));
        Citizen citizen = newCitizen();
        JsonNode submitted = submitAsCitizen(citizen, entry).json();
        String id = submitted.get("id").asString();
        assertThat(submitted.get("acceptanceDueAt").asString()).isEqualTo("2026-03-09T16:00:00Z");

        // accepted on working day 7 (Wednesday 03-11): 10 working days from the submission → end of Monday 03-16
        // (counted from the late acceptance it would have been the end of 03-25)
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 11, 10, 0));
        JsonNode accepted = ok(command(id, "accept", officer, null)).json();
        assertThat(accepted.get("acceptedAt").asString()).isEqualTo("2026-03-11T02:00:00Z");
        assertThat(accepted.get("deemedAcceptedAt").asString()).isEqualTo("2026-03-02T01:00:00Z");
        assertThat(accepted.get("acceptanceOverdue").asBoolean()).isTrue();
        assertThat(accepted.get("clock").get("startedAt").asString()).isEqualTo("2026-03-02T01:00:00Z");
        assertThat(accepted.get("clock").get("dueAt").asString()).isEqualTo("2026-03-16T16:00:00Z");

        try (TopicReader topic = TopicReader.fromBeginning("case-handling.case.events.v1")) {
            JsonNode event = topic.awaitEvents(id, 2, Duration.ofSeconds(30)).get(1);
            assertThat(event.get("type").asString()).isEqualTo("case.accepted");
            assertThat(event.get("data").get("deemedAcceptedAt").asString()).isEqualTo("2026-03-02T01:00:00Z");
            assertThat(event.get("data").get("acceptedLate").asBoolean()).isTrue();
            assertThat(event.get("data").get("dueAt").asString()).isEqualTo("2026-03-16T16:00:00Z");
        }

        // accepted within the window: the clock starts at the acceptance, and nothing is deemed
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 2, 9, 0));
        String timely = submitAsCitizen(newCitizen(), entry).json().get("id").asString();
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 9, 10, 0));
        JsonNode inTime = ok(command(timely, "accept", officer, null)).json();
        assertThat(inTime.get("deemedAcceptedAt").isNull()).isTrue();
        assertThat(inTime.get("clock").get("startedAt").asString()).isEqualTo("2026-03-09T02:00:00Z");
        assertThat(inTime.get("clock").get("dueAt").asString()).isEqualTo("2026-03-23T16:00:00Z");
    }

    @Test
    void afterASupplementTheMaterialsArrivedOnTheSupplementsDay() {
        Map<String, Object> entry = tenDayEntry();
        String officer = People.officer(DEPARTMENT);
        Citizen citizen = newCitizen();

        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 2, 9, 0));
        String id = submitAsCitizen(citizen, entry).json().get("id").asString();
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 3, 9, 0));
        ok(command(id, "supplement-requests", officer, Map.of("items",
                List.of(Map.of("materialCode", "M02", "description", "请提交经营场所证明")))));
        // supplied Wednesday 03-04 09:00: the window restarts and ends with Wednesday 03-11
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 4, 9, 0));
        JsonNode supplied = ok(command(id, "supplement", citizen.token(), Map.of("materials",
                List.of(Map.of("code", "M02", "fileId", upload(citizen.token())))))).json();
        assertThat(supplied.get("acceptanceDueAt").asString()).isEqualTo("2026-03-11T16:00:00Z");

        // accepted Friday 03-13, late: deemed accepted when the supplement arrived → due end of Wednesday 03-18
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 13, 9, 0));
        JsonNode accepted = ok(command(id, "accept", officer, null)).json();
        assertThat(accepted.get("deemedAcceptedAt").asString()).isEqualTo("2026-03-04T01:00:00Z");
        assertThat(accepted.get("clock").get("dueAt").asString()).isEqualTo("2026-03-18T16:00:00Z");
    }

    private static Map<String, Object> tenDayEntry() {
        return Stubs.publishedDocumentEntry(DEPARTMENT, 10);
    }
}
