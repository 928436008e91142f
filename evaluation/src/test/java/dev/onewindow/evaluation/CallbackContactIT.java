package dev.onewindow.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.onewindow.evaluation.support.ContactHoldersStub;
import dev.onewindow.evaluation.support.People;
import dev.onewindow.evaluation.support.People.Citizen;
import dev.onewindow.evaluation.support.Producers;
import dev.onewindow.evaluation.support.Ratings;
import dev.onewindow.evaluation.support.TestClockConfiguration;
import dev.onewindow.platform.personal.LookupHasher;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every real-name bad rater can be called back (100 % 回访), a number left with the rating or not: the handler of the
 * responsible department gets the applicant's number from case-handling, or the 12345 caller's from hotline-12345,
 * fetched at that moment as evaluation's own service account (the peers' stand-in answers that token only) — in full
 * for the handler, masked for everyone else who may read the rectification, never stored, logged or published. A
 * holder that cannot answer is a 503 to try again.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CallbackContactIT {

    private static final String APPLICANT_MOBILE = "13612340000";
    private static final String CALLER_MOBILE = "15912340000";

    @LocalServerPort
    int port;
    @Autowired
    LookupHasher hasher;
    @Autowired
    MongoTemplate mongo;

    private ApiClient api() {
        return ApiClient.localPort(port);
    }

    @AfterEach
    void systemTime() {
        TestClockConfiguration.CLOCK.useSystemTime();
    }

    private static void holderAnswers(String path, String json) {
        ContactHoldersStub.server().stubFor(get(urlEqualTo(path))
                .withHeader("Authorization", equalTo("Bearer " + ContactHoldersStub.SERVICE_ACCOUNT_TOKEN))
                .willReturn(okJson(json)));
    }

    @Test
    void theHandlerGetsTheApplicantsNumberFromCaseHandlingInFullOthersMasked(CapturedOutput logs) {
        Citizen citizen = new Citizen("c-callback", "341302198808080010");
        Ratings ratings = new Ratings(api());
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 5, 11, 10, 0));
        String caseId = UUID.randomUUID().toString();
        Producers.caseCompleted(caseId, hasher.hashIdNumber(citizen.idNumber()), "WJW", "XK-CALLBACK", "PC_PORTAL",
                "DENIED");
        ratings.awaitInvitation(citizen.token(), caseId, "COMPLETION");
        // a real-name bad rating without a number for the callback
        JsonNode rating = ratings.rated(citizen.token(), Ratings.rating("CASE", caseId, "COMPLETION", 1,
                List.of("ATTITUDE")));
        assertThat(rating.path("realName").asBoolean()).isTrue();
        String path = "/api/v1/evaluations/rectifications/" + rating.path("rectificationId").asString() + "/contact";
        String contactPath = "/api/v1/cases/" + caseId + "/applicant-contact";
        holderAnswers(contactPath, "{\"caseId\":\"" + caseId + "\",\"mobile\":\"" + APPLICANT_MOBILE + "\"}");

        JsonNode forHandler = ratings.read(People.handler("WJW"), path);
        assertThat(forHandler.path("mobile").asString()).isEqualTo(APPLICANT_MOBILE);
        assertThat(forHandler.path("source").asString()).isEqualTo("CASE_APPLICANT");
        for (String other : List.of(People.evalAdmin(), People.auditor(), People.deptAdmin("WJW"))) {
            JsonNode masked = ratings.read(other, path);
            assertThat(masked.path("mobile").asString()).isEqualTo("136****0000");
        }
        assertThat(api().get(path).token(People.handler("GAJ")).send().status()).as("another department")
                .isEqualTo(404);
        assertThat(api().get(path).token(citizen.token()).send().status()).as("the rater").isEqualTo(403);
        ContactHoldersStub.server().verify(4, getRequestedFor(urlEqualTo(contactPath))
                .withHeader("Authorization", equalTo("Bearer " + ContactHoldersStub.SERVICE_ACCOUNT_TOKEN)));

        // fetched, never kept: not in the rating, the rectification, a log line or an event
        assertThat(mongo.getCollection("ratings").find(new org.bson.Document("_id", rating.path("id").asString()))
                .first().toJson()).doesNotContain(APPLICANT_MOBILE);
        assertThat(mongo.getCollection("rectifications").find(new org.bson.Document("_id",
                rating.path("rectificationId").asString())).first().toJson()).doesNotContain(APPLICANT_MOBILE);
        assertThat(logs.getAll()).doesNotContain(APPLICANT_MOBILE).doesNotContain("136****0000");
        try (TopicReader topics = TopicReader.fromBeginning("evaluation.rating.events.v1",
                "evaluation.rectification.events.v1")) {
            assertThat(topics.awaitRecords(all -> all.stream().anyMatch(r -> r.key().equals(
                    rating.path("rectificationId").asString())), Duration.ofSeconds(20)))
                    .noneMatch(r -> r.value().contains(APPLICANT_MOBILE));
        }
    }

    @Test
    void theHandlerGetsAPhoneCallersNumberFromTheHotlineAndA503WhenItCannotAnswer() {
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 5, 12, 10, 0));
        String orderId = UUID.randomUUID().toString();
        Producers.workOrderClosed(orderId, null, "ZRZYJ", false);
        String ratingId = UUID.nameUUIDFromBytes(("WORK_ORDER|" + orderId + "|COMPLETION")
                .getBytes(StandardCharsets.UTF_8)).toString();
        String code;
        try (TopicReader topic = TopicReader.fromBeginning("evaluation.rating.events.v1")) {
            code = topic.awaitEvents(ratingId, 1, Duration.ofSeconds(20)).get(0).path("data").path("ratingCode")
                    .asString();
        }
        Response rated = api().post("/api/v1/evaluations/ratings/by-code").json(Map.of("code", code, "level", 1,
                "reasons", List.of("NOT_RESOLVED"))).send();
        assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
        String path = "/api/v1/evaluations/rectifications/" + rated.json().path("rectificationId").asString()
                + "/contact";
        String contactPath = "/api/v1/hotline/orders/" + orderId + "/caller-contact";
        holderAnswers(contactPath, "{\"orderId\":\"" + orderId + "\",\"mobile\":\"" + CALLER_MOBILE
                + "\",\"confidential\":false}");

        JsonNode forHandler = new Ratings(api()).read(People.handler("ZRZYJ"), path);
        assertThat(forHandler.path("mobile").asString()).isEqualTo(CALLER_MOBILE);
        assertThat(forHandler.path("source").asString()).isEqualTo("WORK_ORDER_CALLER");
        assertThat(forHandler.path("withheld").asBoolean()).isFalse();

        ContactHoldersStub.server().stubFor(get(urlEqualTo(contactPath)).willReturn(aResponse().withStatus(503)));
        Response unavailable = api().get(path).token(People.handler("ZRZYJ")).send();
        assertThat(unavailable.status()).as(unavailable.toString()).isEqualTo(503);
        assertThat(unavailable.json().path("code").asString()).isEqualTo("HOTLINE_UNAVAILABLE");
    }
}
