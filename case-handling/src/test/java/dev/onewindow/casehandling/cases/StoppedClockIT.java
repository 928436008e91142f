package dev.onewindow.casehandling.cases;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.casehandling.support.People;
import dev.onewindow.casehandling.support.Stubs;
import dev.onewindow.casehandling.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stopped clock shows how it ended: once a case is completed, denied or withdrawn its clock reports
 * {@code finished: ON_TIME | LATE} (and {@code lateWorkingDays}, rounded up, when late), never a live level; and a
 * closed case is in no level filter of the worklist, however long after its due instant one looks. Its own
 * department (CLOCKDEPT) so that other tests' cases do not show up in the lists.
 */
class StoppedClockIT extends CaseApiSupport {

    private static final String DEPARTMENT = "CLOCKDEPT";

    @Test
    void aClosedCaseReportsHowItsClockEndedAndLeavesTheLevelFilters() {
        Map<String, Object> entry = Stubs.publishedDocumentEntry(DEPARTMENT, 2);
        String officer = People.officer(DEPARTMENT);
        String reviewer = People.reviewer(DEPARTMENT);
        String approver = People.approver(DEPARTMENT);

        // Monday 2026-03-02 09:00: four cases accepted with 2 working days, due at the end of Wednesday 03-04
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 2, 9, 0));
        String onTime = inReview(entry, officer, reviewer);
        String late = inReview(entry, officer, reviewer);
        String denied = inReview(entry, officer, reviewer);
        Citizen applicant = newCitizen();
        String withdrawn = submitAsCitizen(applicant, entry).json().get("id").asString();
        ok(command(withdrawn, "accept", officer, null));
        String open = inReview(entry, officer, reviewer);

        // Wednesday 09:00: one approved (in time: the clock read YELLOW before), one denied, one withdrawn
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 4, 9, 0));
        assertThat(read(onTime, officer).get("clock").get("level").asString()).isEqualTo("YELLOW");
        JsonNode completed = ok(command(onTime, "approve", approver, null)).json().get("clock");
        assertThat(completed.get("stopped").asBoolean()).isTrue();
        assertThat(completed.get("level").isNull()).as("no live level once stopped").isTrue();
        assertThat(completed.get("finished").asString()).isEqualTo("ON_TIME");
        assertThat(completed.get("onTime").asBoolean()).isTrue();
        assertThat(completed.get("lateWorkingDays").isNull()).isTrue();
        JsonNode deniedClock = ok(command(denied, "deny", approver, Map.of("reason", "不符合条件",
                "remedy", "可申请行政复议"))).json().get("clock");
        assertThat(deniedClock.get("level").isNull()).isTrue();
        assertThat(deniedClock.get("finished").asString()).isEqualTo("ON_TIME");
        ok(command(withdrawn, "withdraw", applicant.token(), Map.of("reason", "不再需要")));

        // Friday 03-06 10:00: the other one approved a day and ten hours late → 2 working days late
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 6, 10, 0));
        JsonNode lateClock = ok(command(late, "approve", approver, null)).json().get("clock");
        assertThat(lateClock.get("level").isNull()).isTrue();
        assertThat(lateClock.get("finished").asString()).isEqualTo("LATE");
        assertThat(lateClock.get("onTime").asBoolean()).isFalse();
        assertThat(lateClock.get("lateWorkingDays").asInt()).isEqualTo(2);

        // a week after every due instant: the closed cases say how they ended, in no level filter
        TestClock.INSTANCE.setShanghai(LocalDateTime.of(2026, 3, 13, 9, 0));
        for (String closed : List.of(onTime, late, denied, withdrawn)) {
            JsonNode clock = read(closed, officer).get("clock");
            assertThat(clock.get("level").isNull()).as(closed).isTrue();
            assertThat(clock.get("finished").asString()).isIn("ON_TIME", "LATE");
        }
        assertThat(read(withdrawn, officer).get("clock").get("finished").asString()).isEqualTo("ON_TIME");
        assertThat(ids("?level=RED")).containsExactly(open);
        assertThat(ids("?level=YELLOW")).isEmpty();
        assertThat(ids("?level=GREEN")).isEmpty();
        // the worklist is the open work; the closed cases are listed when asked for by their state
        assertThat(ids("")).containsExactly(open);
        JsonNode completedLine = list("?status=COMPLETED").get("content");
        assertThat(completedLine.values()).extracting(c -> c.get("id").asString())
                .containsExactlyInAnyOrder(onTime, late);
        assertThat(completedLine.values()).allSatisfy(c -> assertThat(c.get("clock").get("level").isNull()).isTrue());
        assertThat(ids("?status=COMPLETED&level=RED")).isEmpty();
    }

    private String inReview(Map<String, Object> entry, String officer, String reviewer) {
        String id = submitAsCitizen(newCitizen(), entry).json().get("id").asString();
        ok(command(id, "accept", officer, null));
        ok(command(id, "review", reviewer, null));
        return id;
    }

    private JsonNode read(String id, String token) {
        return ok(api().get("/api/v1/cases/" + id).token(token).send()).json();
    }

    private JsonNode list(String query) {
        return ok(api().get("/api/v1/cases" + query + (query.isEmpty() ? "?" : "&") + "size=100")
                .token(People.officer(DEPARTMENT)).send()).json();
    }

    private List<String> ids(String query) {
        return list(query).get("content").values().stream().map(c -> c.get("id").asString()).toList();
    }
}
