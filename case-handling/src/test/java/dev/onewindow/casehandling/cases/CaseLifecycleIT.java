package dev.onewindow.casehandling.cases;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.casehandling.support.Stubs;
import dev.onewindow.casehandling.support.TestClock;
import dev.onewindow.platform.testkit.SettableClock;
import dev.onewindow.platform.calendar.BundledCalendars;
import dev.onewindow.platform.calendar.CalendarSource;
import dev.onewindow.platform.calendar.CalendarYear;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole lifecycle of a case over HTTP with real tokens, on the 2026 working-day calendar: acceptance just before
 * the Spring Festival, supplements before and during review, a special procedure, an extension, the decision — with
 * the due instant checked at each step, the history, and the events on the real broker in order.
 */
class CaseLifecycleIT extends CaseApiSupport {

    private static final SettableClock CLOCK = TestClock.INSTANCE;

    @Test
    void aCaseRunsItsWholeLifecycleOnTheWorkingDayClock() {
        Map<String, Object> entry = Stubs.entry(Stubs.implementationCode("SCJGJ"), 3, "SCJGJ");
        entry.put("result", Stubs.result("DOCUMENT", null));
        Stubs.publish(entry);
        Citizen citizen = newCitizen();
        String officer = dev.onewindow.casehandling.support.People.officer("SCJGJ");
        String reviewer = dev.onewindow.casehandling.support.People.reviewer("SCJGJ");
        String approver = dev.onewindow.casehandling.support.People.approver("SCJGJ");

        // Friday 2026-02-13 09:00: submitted from the app
        CLOCK.setShanghai(LocalDateTime.of(2026, 2, 13, 9, 0));
        JsonNode submitted = submitAsCitizen(citizen, entry).json();
        String id = submitted.get("id").asString();
        assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("caseNo").asString()).matches("34130020260213\\d{8}");
        assertThat(submitted.get("entryVersion").asInt()).isEqualTo(3);
        assertThat(submitted.get("applicant").get("idNumber").asString())
                .isEqualTo(citizen.idNumber().substring(0, 6) + "********" + citizen.idNumber().substring(14));
        assertThat(submitted.get("applicant").get("mobile").asString()).isEqualTo("138****5678");
        assertThat(submitted.get("clock").isNull()).as("no clock before acceptance").isTrue();
        // the acceptance window: 5 working days after the 13th = 14th (make-up Saturday), 24th … 27th
        assertThat(submitted.get("acceptanceDueAt").asString()).isEqualTo("2026-02-27T16:00:00Z");

        // the officer asks for everything missing at once, before acceptance: no clock yet
        ok(command(id, "supplement-requests", officer, Map.of("items", List.of(
                Map.of("materialCode", "M02", "description", "经营场所证明 (租赁合同)"),
                Map.of("description", "表格第 3 栏未签字")), "comment", "一次性告知")));
        JsonNode supplemented = ok(command(id, "supplement", citizen.token(), Map.of(
                "materials", List.of(Map.of("code", "M02", "fileId", upload(citizen.token()))),
                "formData", Map.of("signed", true), "comment", "已补齐"))).json();
        assertThat(supplemented.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(supplemented.get("materials").values()).extracting(m -> m.get("code").asString())
                .containsExactly("M01", "M02");

        // Friday 10:00: accepted; 10 working days across the Spring Festival → end of Thursday 2026-03-05
        CLOCK.setShanghai(LocalDateTime.of(2026, 2, 13, 10, 0));
        JsonNode accepted = ok(command(id, "accept", officer, null)).json();
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("clock").get("dueAt").asString()).isEqualTo("2026-03-05T16:00:00Z");
        assertThat(accepted.get("clock").get("level").asString()).isEqualTo("GREEN");
        assertThat(accepted.get("clock").get("paused").asBoolean()).isFalse();
        assertThat(accepted.get("clock").get("limitWorkingDays").asInt()).isEqualTo(10);

        // Saturday 14th is a make-up working day: review starts
        CLOCK.setShanghai(LocalDateTime.of(2026, 2, 14, 9, 0));
        ok(command(id, "review", reviewer, null));

        // Tuesday 24th: a supplement during review pauses the clock …
        CLOCK.setShanghai(LocalDateTime.of(2026, 2, 24, 9, 0));
        JsonNode paused = ok(command(id, "supplement-requests", reviewer, Map.of("items", List.of(
                Map.of("materialCode", "M01", "description", "营业执照副本模糊, 请重新上传"))))).json();
        assertThat(paused.get("status").asString()).isEqualTo("SUPPLEMENT_REQUIRED");
        assertThat(paused.get("clock").get("paused").asBoolean()).isTrue();
        // … Thursday 26th 09:00 the applicant supplements: two working days paused → due end of Monday 03-09
        CLOCK.setShanghai(LocalDateTime.of(2026, 2, 26, 9, 0));
        JsonNode resumed = ok(command(id, "supplement", citizen.token(), Map.of(
                "materials", List.of(Map.of("code", "M01", "fileId", upload(citizen.token())))))).json();
        assertThat(resumed.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(resumed.get("clock").get("paused").asBoolean()).isFalse();
        assertThat(resumed.get("clock").get("dueAt").asString()).isEqualTo("2026-03-09T16:00:00Z");

        // Monday 03-02 10:00 to Wednesday 03-04 10:00: expert review (特别程序) pauses two more working days
        CLOCK.setShanghai(LocalDateTime.of(2026, 3, 2, 10, 0));
        JsonNode suspended = ok(command(id, "suspend", reviewer, Map.of("procedure", "专家评审",
                "reason", "需组织专家现场核查"))).json();
        assertThat(suspended.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(suspended.get("clock").get("paused").asBoolean()).isTrue();
        CLOCK.setShanghai(LocalDateTime.of(2026, 3, 4, 10, 0));
        JsonNode afterSuspension = ok(command(id, "resume", reviewer, Map.of("comment", "专家意见已出具"))).json();
        assertThat(afterSuspension.get("clock").get("dueAt").asString()).isEqualTo("2026-03-11T16:00:00Z");

        // Thursday 03-05: one extension, at most 10 working days
        CLOCK.setShanghai(LocalDateTime.of(2026, 3, 5, 9, 0));
        assertProblem(command(id, "extensions", approver, Map.of("workingDays", 11, "reason", "复杂")), 400,
                "EXTENSION_TOO_LONG");
        JsonNode extended = ok(command(id, "extensions", approver, Map.of("workingDays", 5,
                "reason", "情况复杂, 经负责人批准延期"))).json();
        assertThat(extended.get("clock").get("dueAt").asString()).isEqualTo("2026-03-18T16:00:00Z");
        assertThat(extended.get("clock").get("extensionWorkingDays").asInt()).isEqualTo(5);
        assertProblem(command(id, "extensions", approver, Map.of("workingDays", 1, "reason", "again")), 409,
                "EXTENSION_LIMIT_REACHED");

        // Friday 03-06: approved; the result is a document, so the case completes on time in the same step
        CLOCK.setShanghai(LocalDateTime.of(2026, 3, 6, 15, 0));
        JsonNode approved = ok(command(id, "approve", approver, Map.of("comment", "符合条件"))).json();
        assertThat(approved.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(approved.get("clock").get("stopped").asBoolean()).isTrue();
        assertThat(approved.get("clock").get("onTime").asBoolean()).isTrue();
        assertThat(approved.get("decision").get("outcome").asString()).isEqualTo("APPROVED");
        assertProblem(command(id, "withdraw", citizen.token(), null), 409, "ILLEGAL_STATE_TRANSITION");

        JsonNode history = ok(api().get("/api/v1/cases/" + id + "/history").token(citizen.token()).send()).json();
        assertThat(history.get("history").values()).extracting(h -> h.get("action").asString()).containsExactly(
                "SUBMIT", "REQUEST_SUPPLEMENT", "SUPPLEMENT", "ACCEPT", "START_REVIEW", "REQUEST_SUPPLEMENT",
                "SUPPLEMENT", "SUSPEND", "RESUME", "EXTEND", "APPROVE", "COMPLETE");
        JsonNode suspend = history.get("history").get(7);
        assertThat(suspend.get("actorName").asString()).isEqualTo("reviewer-SCJGJ");
        assertThat(suspend.get("actorRole").asString()).isEqualTo("reviewer");
        assertThat(suspend.get("from").asString()).isEqualTo("IN_REVIEW");
        assertThat(suspend.get("to").asString()).isEqualTo("SUSPENDED");
        assertThat(suspend.get("comment").asString()).contains("专家评审");
        assertThat(suspend.get("at").asString()).isEqualTo("2026-03-02T02:00:00Z");

        // the events, on the real broker, in order, each with the facts every case event carries and no raw ID number
        try (TopicReader topic = TopicReader.fromBeginning("case-handling.case.events.v1")) {
            List<JsonNode> events = topic.awaitEvents(id, 12, Duration.ofSeconds(30));
            assertThat(events).extracting(e -> e.get("type").asString()).containsExactly("case.submitted",
                    "case.supplement-requested", "case.supplemented", "case.accepted", "case.review-started",
                    "case.supplement-requested", "case.supplemented", "case.suspended", "case.resumed",
                    "case.extended", "case.approved", "case.completed");
            assertThat(events).extracting(e -> e.get("sequence").asLong())
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
            for (JsonNode event : events) {
                JsonNode data = event.get("data");
                assertThat(event.get("source").asString()).isEqualTo("case-handling");
                assertThat(event.get("region").asString()).isEqualTo("341300");
                assertThat(data.get("caseNo").asString()).isEqualTo(submitted.get("caseNo").asString());
                assertThat(data.get("implementationCode").asString()).isEqualTo(entry.get("implementationCode"));
                assertThat(data.get("departmentCode").asString()).isEqualTo("SCJGJ");
                assertThat(data.get("channel").asString()).isEqualTo("MOBILE_APP");
                assertThat(data.get("holderRef").asString()).hasSizeGreaterThan(20);
                assertThat(event.toString()).doesNotContain(citizen.idNumber());
            }
            assertThat(events.get(3).get("data").get("dueAt").asString()).isEqualTo("2026-03-05T16:00:00Z");
            // the entry version's process steps (环节) travel with the acceptance; the review's start is its own event
            assertThat(events.get(3).get("data").get("steps").toString())
                    .isEqualTo("[{\"name\":\"受理\",\"limitDays\":1},{\"name\":\"审查\",\"limitDays\":5},"
                            + "{\"name\":\"决定\",\"limitDays\":4}]");
            assertThat(events.get(4).get("data").get("status").asString()).isEqualTo("IN_REVIEW");
            assertThat(events.get(4).get("data").get("reviewStartedAt").asString())
                    .isEqualTo(events.get(4).get("occurredAt").asString());
            assertThat(events.get(9).get("data").get("dueAt").asString()).isEqualTo("2026-03-18T16:00:00Z");
            assertThat(events.get(9).get("data").get("workingDays").asInt()).isEqualTo(5);
            assertThat(events.get(11).get("data").get("onTime").asBoolean()).isTrue();
        }
    }

    @Test
    void aCalendarChangeFromTheCatalogMovesTheDueInstantOfRunningCases(@Autowired CalendarSource calendar) {
        Map<String, Object> entry = Stubs.entry(Stubs.implementationCode("SCJGJ"), 1, "SCJGJ");
        Stubs.publish(entry);
        CLOCK.setShanghai(LocalDateTime.of(2026, 2, 13, 10, 0));
        Citizen citizen = newCitizen();
        String id = submitAsCitizen(citizen, entry).json().get("id").asString();
        String officer = dev.onewindow.casehandling.support.People.officer("SCJGJ");
        assertThat(ok(command(id, "accept", officer, null)).json().get("clock").get("dueAt").asString())
                .isEqualTo("2026-03-05T16:00:00Z");
        CalendarYear official = BundledCalendars.load(2026);
        try {
            // the catalog publishes an extra holiday on Wednesday 2026-03-04 (calendar.updated)
            java.util.Set<java.time.LocalDate> holidays = new java.util.TreeSet<>(official.holidays());
            holidays.add(java.time.LocalDate.of(2026, 3, 4));
            calendar.apply(CalendarYear.of(2026, holidays, official.makeUpWorkingDays()));
            assertThat(ok(api().get("/api/v1/cases/" + id).token(officer).send()).json().get("clock").get("dueAt")
                    .asString()).isEqualTo("2026-03-06T16:00:00Z");
        } finally {
            calendar.apply(official);
        }
    }

    @Test
    void anImmediateItemIsDueAtTheEndOfTheAcceptanceWorkingDay() {
        Map<String, Object> entry = Stubs.entry(Stubs.implementationCode("GAJ"), 1, "GAJ");
        entry.put("promisedLimitDays", 0);
        Stubs.publish(entry);
        Citizen citizen = newCitizen();
        String officer = dev.onewindow.casehandling.support.People.officer("GAJ");

        CLOCK.setShanghai(LocalDateTime.of(2026, 2, 13, 10, 0));
        String id = submitAsCitizen(citizen, entry).json().get("id").asString();
        JsonNode accepted = ok(command(id, "accept", officer, null)).json();
        assertThat(accepted.get("clock").get("dueAt").asString()).isEqualTo("2026-02-13T16:00:00Z");
        // 即办件: at most one working day, so yellow from the start under the default thresholds
        assertThat(accepted.get("clock").get("level").asString()).isEqualTo("YELLOW");

        // read the next morning (a make-up working day): overdue
        CLOCK.setShanghai(LocalDateTime.of(2026, 2, 14, 9, 0));
        JsonNode read = ok(api().get("/api/v1/cases/" + id).token(officer).send()).json();
        assertThat(read.get("clock").get("level").asString()).isEqualTo("RED");
        assertThat(read.get("clock").get("remaining").asString()).startsWith("PT-");
    }

    @Test
    void anApproverDeniesWithReasonAndRemedyAndTheApplicantCanWithdrawBeforeADecision() {
        Map<String, Object> entry = publishedEntry("SCJGJ");
        String officer = dev.onewindow.casehandling.support.People.officer("SCJGJ");
        String reviewer = dev.onewindow.casehandling.support.People.reviewer("SCJGJ");
        String approver = dev.onewindow.casehandling.support.People.approver("SCJGJ");

        Citizen denied = newCitizen();
        String first = submitAsCitizen(denied, entry).json().get("id").asString();
        ok(command(first, "accept", officer, null));
        ok(command(first, "review", reviewer, null));
        assertProblem(command(first, "deny", approver, Map.of("reason", "不符合条件")), 400, "VALIDATION_FAILED");
        JsonNode decision = ok(command(first, "deny", approver, Map.of("reason", "经营场所不符合卫生要求",
                "remedy", "可在60日内申请行政复议或6个月内提起行政诉讼"))).json();
        assertThat(decision.get("status").asString()).isEqualTo("DENIED");
        assertThat(decision.get("decision").get("remedy").asString()).contains("行政复议");
        assertThat(decision.get("clock").get("stopped").asBoolean()).isTrue();

        Citizen withdrawing = newCitizen();
        String second = submitAsCitizen(withdrawing, entry).json().get("id").asString();
        ok(command(second, "accept", officer, null));
        Response withdrawn = ok(command(second, "withdraw", withdrawing.token(), Map.of("reason", "不再经营")));
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().get("withdrawalReason").asString()).isEqualTo("不再经营");
        assertProblem(command(second, "review", reviewer, null), 409, "ILLEGAL_STATE_TRANSITION");
        assertThat(command(second, "review", reviewer, null).json().get("currentState").asString())
                .isEqualTo("WITHDRAWN");

        Citizen rejected = newCitizen();
        String third = submitAsCitizen(rejected, entry).json().get("id").asString();
        JsonNode rejection = ok(command(third, "reject", officer, Map.of("reason", "不属于本部门职权范围"))).json();
        assertThat(rejection.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejection.get("rejectionReason").asString()).isEqualTo("不属于本部门职权范围");
    }
}
