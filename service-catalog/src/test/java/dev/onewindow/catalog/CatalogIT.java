package dev.onewindow.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.onewindow.platform.testkit.JsonSchema;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TokenMinter;
import dev.onewindow.platform.testkit.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** service-catalog over HTTP with real tokens, the real broker and the Mongo wire-protocol server. */
@IntegrationTest
class CatalogIT {

    private static final TokenMinter TOKENS = TokenMinter.shared();

    @LocalServerPort
    int port;

    private final String catalogAdmin = TOKENS.user("catalogadmin1", "catalog-admin").dept("SJZYJ").region("341300")
            .mint();
    private final String officer = TOKENS.user("officer1", "window-officer").dept("SCJGJ").region("341300").mint();

    private ApiClient api() {
        return ApiClient.localPort(port);
    }

    @Test
    void calendarAnswersAcrossThe2026SpringFestivalAndNationalDay() {
        // exact published shapes
        assertThat(api().get("/api/v1/catalog/calendar/days/2026-02-14").send().rawBody())
                .isEqualTo("{\"date\":\"2026-02-14\",\"workingDay\":true}");
        assertThat(api().get("/api/v1/catalog/calendar/add?from=2026-02-13&workingDays=1").send().rawBody())
                .isEqualTo("{\"from\":\"2026-02-13\",\"workingDays\":1,\"date\":\"2026-02-14\"}");
        // the festival (Feb 15–23) is skipped: the next working day after the make-up Saturday is Feb 24
        assertThat(day("2026-02-16")).isFalse();
        assertThat(add("2026-02-14", 1)).isEqualTo("2026-02-24");
        // Feb 13 < d <= Feb 28: Feb 14 (make-up), Feb 24–27, Feb 28 (make-up) = 6
        assertThat(api().get("/api/v1/catalog/calendar/count?from=2026-02-13&to=2026-02-28").send().json()
                .get("workingDays").asInt()).isEqualTo(6);
        // National Day: Sep 20 (Sunday) and Oct 10 (Saturday) are worked, Oct 1–7 are not
        assertThat(day("2026-09-20")).isTrue();
        assertThat(day("2026-10-05")).isFalse();
        assertThat(day("2026-10-10")).isTrue();
        assertThat(add("2026-09-30", 1)).isEqualTo("2026-10-08");
    }

    @Test
    void calendarRejectsBadInputWithProblems() {
        assertProblem(api().get("/api/v1/catalog/calendar/days/2026-02-30").send(), 400, "INVALID_PARAMETER");
        assertProblem(api().get("/api/v1/catalog/calendar/add?from=2026-02-13&workingDays=-1").send(), 400,
                "VALIDATION_FAILED");
        assertProblem(api().get("/api/v1/catalog/calendar/add?from=2026-02-13").send(), 400, "MISSING_PARAMETER");
    }

    @Test
    void onlyACatalogAdminChangesTheCalendarAndTheChangeIsPublished() {
        Map<String, Object> year2027 = Map.of("holidays", List.of("2027-01-01", "2027-02-05"),
                "makeUpWorkingDays", List.of("2027-02-13"));
        assertProblem(api().put("/api/v1/catalog/calendar/years/2027").token(officer).json(year2027).send(), 403,
                "FORBIDDEN");
        assertProblem(api().put("/api/v1/catalog/calendar/years/2027").json(year2027).send(), 401,
                "UNAUTHENTICATED");
        assertProblem(api().put("/api/v1/catalog/calendar/years/2027").token(catalogAdmin)
                .json(Map.of("holidays", List.of("2027-01-01"), "makeUpWorkingDays", List.of("2027-01-01"))).send(),
                400, "INVALID_CALENDAR");

        Response saved = api().put("/api/v1/catalog/calendar/years/2027").token(catalogAdmin).json(year2027).send();
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(day("2027-02-05")).isFalse(); // a Friday made a holiday
        assertThat(day("2027-02-13")).isTrue(); // a Saturday made a working day

        try (TopicReader topic = TopicReader.fromBeginning("service-catalog.calendar.events.v1")) {
            JsonNode event = topic.awaitEvents("2027", 1, Duration.ofSeconds(30)).get(0);
            assertThat(event.get("type").asString()).isEqualTo("calendar.updated");
            assertThat(event.get("data").get("holidays").values()).extracting(JsonNode::asString)
                    .containsExactly("2027-01-01", "2027-02-05");
            assertThat(JsonSchema.forEvent("calendar.updated").violations(event)).as(event.toString()).isEmpty();
        }
    }

    @Test
    void departmentsAreRegisteredByCatalogAdminsAndReadByAnyone() {
        String code = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        Map<String, String> body = Map.of("code", code, "name", "宿州市测试局", "region", "341300");
        assertProblem(api().post("/api/v1/catalog/departments").token(officer).json(body).send(), 403, "FORBIDDEN");
        assertThat(api().post("/api/v1/catalog/departments").token(catalogAdmin).json(body).send().status())
                .isEqualTo(201);
        assertProblem(api().post("/api/v1/catalog/departments").token(catalogAdmin).json(body).send(), 409,
                "DEPARTMENT_EXISTS");
        assertProblem(api().post("/api/v1/catalog/departments").token(catalogAdmin)
                .json(Map.of("code", "x y", "name", "", "region", "3413")).send(), 400, "VALIDATION_FAILED");
        assertProblem(api().post("/api/v1/catalog/departments").token(catalogAdmin)
                .json(Map.of("code", "ABC", "name", "n", "region", "341300", "owner", "me")).send(), 400,
                "UNKNOWN_FIELD");

        Response anonymous = api().get("/api/v1/catalog/departments?region=341300").send();
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().values()).extracting(d -> d.get("code").asString()).contains(code);
        assertThat(api().get("/api/v1/catalog/departments/" + code).send().json().get("name").asString())
                .isEqualTo("宿州市测试局");
        assertProblem(api().get("/api/v1/catalog/departments/NOPE").send(), 404, "NOT_FOUND");
    }

    @Test
    void staffReadTheirOwnDepartmentFromTheirToken() {
        api().post("/api/v1/catalog/departments").token(catalogAdmin)
                .json(Map.of("code", "SCJGJ", "name", "宿州市市场监督管理局", "region", "341300")).send();
        Response mine = api().get("/api/v1/catalog/departments/mine").token(officer).send();
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("name").asString()).isEqualTo("宿州市市场监督管理局");
        assertProblem(api().get("/api/v1/catalog/departments/mine").send(), 401, "UNAUTHENTICATED");
    }

    private boolean day(String date) {
        return api().get("/api/v1/catalog/calendar/days/" + date).send().json().get("workingDay").asBoolean();
    }

    private String add(String from, int days) {
        return api().get("/api/v1/catalog/calendar/add?from=" + from + "&workingDays=" + days).send().json()
                .get("date").asString();
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).as(response.toString()).isEqualTo(code);
    }
}
