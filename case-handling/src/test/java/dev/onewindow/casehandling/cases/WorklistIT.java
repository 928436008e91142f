package dev.onewindow.casehandling.cases;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.casehandling.support.People;
import dev.onewindow.casehandling.support.Stubs;
import dev.onewindow.casehandling.support.TestClock;
import dev.onewindow.platform.testkit.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The department's worklist by state and clock level, the applicant's own list, paging, and the flag for
 * submissions left unanswered past the acceptance window. Uses its own department (SJZYJ) so other tests' cases
 * do not show up in its lists.
 */
class WorklistIT extends CaseApiSupport {

    private static final String DEPARTMENT = "SJZYJ";

    @Autowired
    AcceptanceWindowSweep sweep;

    @Test
    void theWorklistFiltersByStateAndClockLevelMostUrgentFirst() {
        Map<String, Object> tenDays = Stubs.entry(Stubs.implementationCode(DEPARTMENT), 1, DEPARTMENT);
        Stubs.publish(tenDays);
        Map<String, Object> immediate = Stubs.entry(Stubs.implementationCode(DEPARTMENT), 1, DEPARTMENT);
        immediate.put("promisedLimitDays", 0);
        Stubs.publish(immediate);
        String officer = People.officer(DEPARTMENT);

        // Monday 2026-03-02: an immediate item accepted (due that evening) and a 10-day item accepted
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 2, 9, 0));
        String late = submitAsCitizen(newCitizen(), immediate).json().get("id").asString();
        ok(command(late, "accept", officer, null));
        String onTrack = submitAsCitizen(newCitizen(), tenDays).json().get("id").asString();
        ok(command(onTrack, "accept", officer, null));
        String waiting = submitAsCitizen(newCitizen(), tenDays).json().get("id").asString();
        // a paused clock keeps its level: supplement requested during review of an accepted 10-day item
        String paused = submitAsCitizen(newCitizen(), tenDays).json().get("id").asString();
        ok(command(paused, "accept", officer, null));
        ok(command(paused, "review", People.reviewer(DEPARTMENT), null));
        ok(command(paused, "supplement-requests", People.reviewer(DEPARTMENT),
                Map.of("items", List.of(Map.of("description", "请补充说明")))));

        // Tuesday: the immediate item is overdue, the others are green
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 3, 9, 0));
        assertThat(ids("")).containsExactlyInAnyOrder(late, onTrack, waiting, paused);
        assertThat(ids("?level=RED")).containsExactly(late);
        assertThat(ids("?level=GREEN")).containsExactlyInAnyOrder(onTrack, paused);
        assertThat(ids("?level=YELLOW")).isEmpty();
        assertThat(ids("?status=SUBMITTED")).containsExactly(waiting);
        assertThat(ids("?status=ACCEPTED")).containsExactly(late, onTrack); // most urgent (earliest due) first
        assertThat(ids("?status=ACCEPTED&level=GREEN")).containsExactly(onTrack);
        JsonNode red = list("?level=RED").get("content").get(0).get("clock");
        assertThat(red.get("level").asString()).isEqualTo("RED");
        assertThat(red.get("dueAt").asString()).isEqualTo("2026-03-02T16:00:00Z");

        // 9 working days later the 10-day clock is yellow (≤ 1 working day left), the paused one still green
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 13, 9, 0));
        assertThat(ids("?level=YELLOW")).containsExactly(onTrack);
        assertThat(ids("?level=GREEN")).containsExactly(paused);

        Response page = ok(api().get("/api/v1/cases?size=3&page=1").token(officer).send());
        assertThat(page.json().get("totalElements").asLong()).isEqualTo(4);
        assertThat(page.json().get("content").values()).hasSize(1);
        assertProblem(api().get("/api/v1/cases?size=1000").token(officer).send(), 400, "INVALID_PAGE");
        assertProblem(api().get("/api/v1/cases?level=PURPLE").token(officer).send(), 400, "INVALID_PARAMETER");
    }

    @Test
    void theApplicantsOwnCasesArePagedNewestFirst() {
        Map<String, Object> entry = publishedEntry("ZRZYJ");
        Citizen citizen = newCitizen();
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 4, 1, 9, 0));
        String first = submitAsCitizen(citizen, entry).json().get("id").asString();
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 4, 2, 9, 0));
        String second = submitAsCitizen(citizen, entry).json().get("id").asString();
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 4, 3, 9, 0));
        String third = submitAsCitizen(citizen, entry).json().get("id").asString();

        JsonNode page = ok(api().get("/api/v1/cases/mine?size=2").token(citizen.token()).send()).json();
        assertThat(page.get("totalElements").asLong()).isEqualTo(3);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        assertThat(page.get("content").values()).extracting(c -> c.get("id").asString())
                .containsExactly(third, second);
        JsonNode next = ok(api().get("/api/v1/cases/mine?size=2&page=1").token(citizen.token()).send()).json();
        assertThat(next.get("content").values()).extracting(c -> c.get("id").asString()).containsExactly(first);
    }

    @Test
    void aSubmissionLeftUnansweredPastTheAcceptanceWindowIsFlagged() {
        Map<String, Object> entry = publishedEntry("YQSCJGJ");
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2025, 12, 1, 9, 0));
        Citizen citizen = newCitizen();
        String forgotten = submitAsCitizen(citizen, entry).json().get("id").asString();
        String answered = submitAsCitizen(citizen, entry).json().get("id").asString();
        ok(command(answered, "supplement-requests", People.officer("YQSCJGJ"),
                Map.of("items", List.of(Map.of("materialCode", "M02", "description", "请提交场所证明")))));

        // the submission day does not count: Monday 12-08 is the fifth working day, still in time
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2025, 12, 8, 18, 0));
        assertThat(read(forgotten, citizen).get("acceptanceOverdue").asBoolean()).isFalse();
        assertThat(sweep.sweep()).isZero();
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2025, 12, 9, 9, 0));
        assertThat(read(forgotten, citizen).get("acceptanceOverdue").asBoolean()).isTrue();
        assertThat(read(answered, citizen).get("acceptanceOverdue").asBoolean()).isFalse();
        assertThat(storedCase(forgotten).getBoolean("acceptanceOverdue")).isFalse();
        long version = storedCase(forgotten).getLong("version");
        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(storedCase(forgotten).getBoolean("acceptanceOverdue")).as("stored by the sweep").isTrue();
        assertThat(storedCase(answered).getBoolean("acceptanceOverdue")).isFalse();
        assertThat(storedCase(forgotten).getLong("version")).as("the sweep leaves the version alone")
                .isEqualTo(version);
        // accepted late: the flag stays, and the event says so
        JsonNode accepted = ok(command(forgotten, "accept", People.officer("YQSCJGJ"), null)).json();
        assertThat(accepted.get("acceptanceOverdue").asBoolean()).isTrue();
        assertThat(Instant.parse(accepted.get("acceptedAt").asString()))
                .isAfter(Instant.parse(accepted.get("acceptanceDueAt").asString()));
    }

    private JsonNode read(String id, Citizen citizen) {
        return ok(api().get("/api/v1/cases/" + id).token(citizen.token()).send()).json();
    }

    private JsonNode list(String query) {
        return ok(api().get("/api/v1/cases" + query).token(People.officer(DEPARTMENT)).send()).json();
    }

    private List<String> ids(String query) {
        return list(query.isEmpty() ? "?size=100" : query + "&size=100").get("content").values().stream()
                .map(c -> c.get("id").asString()).toList();
    }
}
