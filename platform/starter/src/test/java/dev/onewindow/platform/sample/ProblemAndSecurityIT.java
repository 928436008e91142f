package dev.onewindow.platform.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TokenMinter;
import org.junit.jupiter.api.Test;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.personal.FieldCipher;
import dev.onewindow.platform.personal.LookupHasher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error a service can produce is RFC 9457 problem+json with a stable code and a trace id. */
@IntegrationTest
class ProblemAndSecurityIT {

    private static final TokenMinter TOKENS = TokenMinter.shared();

    @LocalServerPort
    int port;

    private final String officer = TOKENS.user("officer1", "window-officer").dept("SCJGJ").region("341300").mint();

    private ApiClient api() {
        return ApiClient.localPort(port);
    }

    @Test
    void validationErrorsListEachField() {
        Response r = api().post("/api/v1/parcels").token(officer)
                .json(Map.of("id", "", "region", "34130", "label", "x".repeat(51))).send();
        assertProblem(r, 400, "VALIDATION_FAILED");
        assertThat(r.json().get("errors").values()).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("id", "region", "label");
        assertThat(r.json().get("errors").values()).extracting(e -> e.get("code").asString())
                .contains("NOT_BLANK", "PATTERN", "SIZE");
    }

    @Test
    void unknownFieldsAreRejectedNotIgnored() {
        Response r = api().post("/api/v1/parcels").token(officer)
                .json(Map.of("id", "u1", "region", "341300", "label", "x", "isAdmin", true)).send();
        assertProblem(r, 400, "UNKNOWN_FIELD");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("isAdmin");
    }

    @Test
    void malformedJsonAndWrongTypes() {
        assertProblem(api().post("/api/v1/parcels").token(officer).json("{\"id\": ").send(), 400, "MALFORMED_JSON");
        Response wrongType = api().post("/api/v1/parcels").token(officer)
                .json("{\"id\":\"a\",\"region\":{\"x\":1},\"label\":\"b\"}").send();
        assertProblem(wrongType, 400, "INVALID_VALUE");
        assertThat(wrongType.json().get("errors").get(0).get("field").asString()).isEqualTo("region");
        assertProblem(api().post("/api/v1/parcels/x/ship?holdMillis=abc").token(officer).send(), 400,
                "INVALID_PARAMETER");
    }

    @Test
    void missingExpiredForgedOrForeignTokensAre401() {
        assertProblem(api().get("/api/v1/parcels/x").send(), 401, "UNAUTHENTICATED");
        String expired = TOKENS.user("officer1", "window-officer").expiresIn(Duration.ofMinutes(-5)).mint();
        assertProblem(api().get("/api/v1/parcels/x").token(expired).send(), 401, "UNAUTHENTICATED");
        String forged = TOKENS.user("officer1", "window-officer").forged().mint();
        assertProblem(api().get("/api/v1/parcels/x").token(forged).send(), 401, "UNAUTHENTICATED");
        String reEncoded = TokenMinter.reEncoded(officer);
        assertProblem(api().get("/api/v1/parcels/x").token(reEncoded).send(), 401, "UNAUTHENTICATED");
        String otherIssuer = TOKENS.user("officer1", "window-officer").issuer("https://evil.example/realms/x").mint();
        assertProblem(api().get("/api/v1/parcels/x").token(otherIssuer).send(), 401, "UNAUTHENTICATED");
        String otherAudience = TOKENS.user("officer1", "window-officer").audience("account").mint();
        assertProblem(api().get("/api/v1/parcels/x").token(otherAudience).send(), 401, "UNAUTHENTICATED");
        assertProblem(api().get("/api/v1/parcels/x").token("not-a-jwt").send(), 401, "UNAUTHENTICATED");
    }

    @Test
    void publicPathsAndHealthNeedNoToken() {
        Response ping = api().get("/api/v1/public/ping").send();
        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.json().get("answer").asString()).isEqualTo("pong");
        Response readiness = api().get("/actuator/health/readiness").send();
        assertThat(readiness.status()).as(readiness.rawBody()).isEqualTo(200);
        // metrics are not anonymous (HostileInputIT): the monitoring client reads them, tagged with the service
        assertThat(api().get("/actuator/prometheus").token(TOKENS.client("prometheus").mint()).send().rawBody())
                .contains("application=\"platform-sample\"");
    }

    @Test
    void wrongRoleIs403() {
        String citizen = TOKENS.user("citizen1", "citizen").mint();
        assertProblem(api().post("/api/v1/parcels").token(citizen)
                .json(Map.of("id", "c1", "region", "341300", "label", "x")).send(), 403, "FORBIDDEN");
    }

    @Test
    void theCallerComesFromTheToken() {
        Response me = api().get("/api/v1/me").token(officer).send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("officer1");
        assertThat(me.json().get("dept").asString()).isEqualTo("SCJGJ");
        assertThat(me.json().get("region").asString()).isEqualTo("341300");
        assertThat(me.json().get("roles").values()).extracting(n -> n.asString()).containsExactly("window-officer");
    }

    @Test
    void unknownPathWrongMethodAndMediaType() {
        assertProblem(api().get("/api/v1/nothing-here").token(officer).send(), 404, "NOT_FOUND");
        assertProblem(api().get("/api/v1/parcels/does-not-exist").token(officer).send(), 404, "NOT_FOUND");
        Response wrongMethod = api().delete("/api/v1/parcels/x").token(officer).send();
        assertProblem(wrongMethod, 405, "METHOD_NOT_ALLOWED");
        assertThat(wrongMethod.header("Allow")).contains("GET");
        assertProblem(api().post("/api/v1/parcels").token(officer).body("text/plain", "hello").send(), 415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void illegalStateTransitionIs409NamingTheCurrentState() {
        String id = "s-" + UUID.randomUUID().toString().substring(0, 8);
        api().post("/api/v1/parcels").token(officer).json(Map.of("id", id, "region", "341300", "label", "x")).send();
        assertThat(api().post("/api/v1/parcels/" + id + "/ship").token(officer).send().status()).isEqualTo(200);
        Response again = api().post("/api/v1/parcels/" + id + "/ship").token(officer).send();
        assertProblem(again, 409, "ILLEGAL_STATE_TRANSITION");
        assertThat(again.json().get("currentState").asString()).isEqualTo("SHIPPED");
    }

    @Test
    void concurrentUpdatesOfOneAggregateLetExactlyOneWin() {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        api().post("/api/v1/parcels").token(officer).json(Map.of("id", id, "region", "341300", "label", "x")).send();
        List<CompletableFuture<Response>> racers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            racers.add(CompletableFuture.supplyAsync(() -> api().post("/api/v1/parcels/" + id + "/ship?holdMillis=500")
                    .token(officer).send()));
        }
        List<Response> responses = racers.stream().map(CompletableFuture::join).toList();
        assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
        Response loser = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertProblem(loser, 409, "CONCURRENT_UPDATE");
    }

    @Test
    void unexpectedFailuresNeverLeakTheExceptionMessage() {
        Response r = api().get("/api/v1/failure").token(officer).send();
        assertProblem(r, 500, "INTERNAL_ERROR");
        assertThat(r.rawBody()).doesNotContain("hunter2").doesNotContain("IllegalStateException");
    }

    @Test
    void personalDataAndCalendarBeansComeFromConfiguration(@Autowired FieldCipher cipher, @Autowired LookupHasher hasher,
            @Autowired WorkingDayCalendar calendar) {
        String encrypted = cipher.encrypt("11010519491231002X");
        assertThat(encrypted).doesNotContain("11010519491231002X");
        assertThat(cipher.decrypt(encrypted)).isEqualTo("11010519491231002X");
        assertThat(hasher.hashIdNumber("11010519491231002x")).isEqualTo(hasher.hashIdNumber("11010519491231002X"));
        // 2026-02-14 is a Saturday worked in exchange for the Spring Festival holiday
        assertThat(calendar.isWorkingDay(java.time.LocalDate.of(2026, 2, 14))).isTrue();
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asString()).isNotBlank();
        assertThat(response.json().get("traceId")).as("traceId in " + response).isNotNull();
    }
}
