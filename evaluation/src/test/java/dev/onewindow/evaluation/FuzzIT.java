package dev.onewindow.evaluation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.onewindow.evaluation.support.People.Citizen;
import dev.onewindow.evaluation.support.Producers;
import dev.onewindow.evaluation.support.Ratings;
import dev.onewindow.platform.personal.LookupHasher;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiFuzzer;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TokenMinter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzz suite, driven by evaluation's own OpenAPI document: hostile paths, queries, headers and bodies against
 * every operation — never a 5xx, every 4xx a problem with a {@code code}, and a rectification every hostile request
 * to it was refused reads the same afterwards.
 *
 * <p>The caller holds every role in department GAJ and is the real-name applicant of a case GAJ handled and she rated
 * badly, so every operation's validation and domain rules are reached; {@code id} points at that rectification.
 */
@IntegrationTest
class FuzzIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ID_NUMBER = "341302196609090081";

    @LocalServerPort
    int port;
    @Autowired
    LookupHasher hasher;

    @Test
    void hostileInputToEveryOperationGetsA4xxProblemAndChangesNothing() {
        ApiClient api = ApiClient.localPort(port);
        JsonNode doc = api.get("/v3/api-docs").send().json();
        int documented = doc.path("paths").properties().stream().mapToInt(p -> p.getValue().size()).sum();
        String everyone = TokenMinter.shared().user("fuzz-everyone", "citizen", "window-officer", "dept-handler",
                "dept-admin", "eval-admin", "auditor").subject("fuzz-everyone").idNumber(ID_NUMBER).dept("GAJ")
                .region("341300").mint();
        Citizen citizen = new Citizen("fuzz-everyone", ID_NUMBER);
        Ratings ratings = new Ratings(api);
        String caseId = UUID.randomUUID().toString();
        Producers.caseCompleted(caseId, hasher.hashIdNumber(ID_NUMBER), "GAJ", "XK-FUZZ", "PC_PORTAL", "APPROVED");
        ratings.awaitInvitation(citizen.token(), caseId, "COMPLETION");
        JsonNode rated = ratings.rated(everyone, Ratings.rating("CASE", caseId, "COMPLETION", 1, List.of("SLOW")));
        String rectification = rated.path("rectificationId").asString();
        String other = UUID.randomUUID().toString();
        Producers.caseCompleted(other, hasher.hashIdNumber(ID_NUMBER), "GAJ", "XK-FUZZ", "SERVICE_HALL", "APPROVED");
        ratings.awaitInvitation(citizen.token(), other, "COMPLETION");

        long started = System.nanoTime();
        ApiFuzzer.Report report = ApiFuzzer.of(api, doc).caller(everyone)
                .pathValue("id", rectification)
                .queryValue("period", "2026-03")
                .queryValue("dimension", "DEPARTMENT")
                .queryValue("key", "GAJ")
                .body("POST /api/v1/evaluations/ratings", () -> JSON.writeValueAsString(
                        Ratings.rating("CASE", other, "COMPLETION", 4, List.of())))
                .body("POST /api/v1/evaluations/ratings/by-code", () -> "{\"code\":\"0000000000000000\",\"level\":5}")
                .body("POST /api/v1/evaluations/codes", () -> "{\"caseId\":\"" + other + "\"}")
                .body("POST /api/v1/evaluations/ratings/{id}/follow-up", () -> "{\"text\":\"补充\"}")
                .body("POST /api/v1/evaluations/rectifications/{id}/callback", () -> "{\"reached\":true}")
                .body("POST /api/v1/evaluations/rectifications/{id}/feedback",
                        () -> "{\"result\":\"RECTIFIED\",\"text\":\"已整改\"}")
                .body("POST /api/v1/evaluations/rectifications/{id}/confirmation", () -> "{\"satisfied\":true}")
                .body("POST /api/v1/evaluations/appeals", () -> JSON.writeValueAsString(Map.of("ratingId",
                        rated.path("id").asString(), "ground", "ERRONEOUS", "reason", "误评")))
                .body("POST /api/v1/evaluations/appeals/{id}/decision", () -> "{\"upheld\":false}")
                .run();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("[fuzz] evaluation: " + report + " in " + millis + " ms");
        assertThat(report.operations()).isEqualTo(documented);
        assertThat(report.requests()).isGreaterThan(500);
    }
}
