package dev.onewindow.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.onewindow.evaluation.ratings.RatingService;
import dev.onewindow.evaluation.support.Producers;
import dev.onewindow.evaluation.support.TestClockConfiguration;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 12345 caller known only by the number cannot sign in as that caller: the invitation of a closed work order
 * ({@code rating.invited}, from hotline-12345's real {@code workorder.closed}) carries a single-use rating code bound
 * to that order for the notification sender to text, and nothing personal; the caller rates with it once, without
 * signing in, on the SMS channel. An expired code rates nothing; the reminder texts a fresh one.
 */
@IntegrationTest
class PhoneCallerRatingIT {

    private static final String RATING_TOPIC = "evaluation.rating.events.v1";

    @LocalServerPort
    int port;
    @Autowired
    RatingService ratingService;

    private ApiClient api() {
        return ApiClient.localPort(port);
    }

    @AfterEach
    void systemTime() {
        TestClockConfiguration.CLOCK.useSystemTime();
    }

    private static String ratingIdOf(String orderId) {
        return UUID.nameUUIDFromBytes(("WORK_ORDER|" + orderId + "|COMPLETION").getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static JsonNode event(String ratingId, int index) {
        try (TopicReader topic = TopicReader.fromBeginning(RATING_TOPIC)) {
            return topic.awaitEvents(ratingId, index + 1, Duration.ofSeconds(20)).get(index);
        }
    }

    private Response rateByCode(String code, int level, List<String> reasons) {
        return api().post("/api/v1/evaluations/ratings/by-code").json(Map.of("code", code, "level", level,
                "reasons", reasons)).send();
    }

    @Test
    void aPhoneCallerRatesTheClosedOrderOnceWithTheTextedCode() {
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 4, 13, 15, 0));
        String orderId = UUID.randomUUID().toString();
        Producers.workOrderClosed(orderId, null, "ZRZYJ", false); // called in: known by callerRef only
        String ratingId = ratingIdOf(orderId);

        JsonNode invited = event(ratingId, 0);
        assertThat(invited.path("type").asString()).isEqualTo("rating.invited");
        JsonNode data = invited.path("data");
        String code = data.path("ratingCode").asString();
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{16}");
        assertThat(data.path("ratingCodeExpiresAt").asString()).isEqualTo("2026-04-16T07:00:00Z");
        assertThat(data.path("subjectType").asString()).isEqualTo("WORK_ORDER");
        assertThat(data.path("subjectId").asString()).as("what the sender fetches the number by").isEqualTo(orderId);
        assertThat(data.path("raterRef").asString()).isEqualTo("c6d84ef0a196940bd532b8d5b6950fdfdec6ca42fca460143182a3f32a8ca5de");
        assertThat(invited.toString()).doesNotContainPattern("(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])");

        Response rated = rateByCode(code, 2, List.of("NOT_RESOLVED"));
        assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
        assertThat(rated.json().path("id").asString()).isEqualTo(ratingId);
        assertThat(rated.json().path("subjectType").asString()).isEqualTo("WORK_ORDER");
        assertThat(rated.json().path("ratingChannel").asString()).isEqualTo("SMS");
        assertThat(rated.json().path("officer").isNull()).isTrue();
        assertThat(rated.json().path("rectificationId").asString()).as("a bad rating is rectified").isNotBlank();

        Response again = rateByCode(code, 5, List.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asString()).isEqualTo("CODE_USED");
    }

    @Test
    void anExpiredTextedCodeRatesNothingAndTheReminderTextsAFreshOne() {
        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 4, 20, 9, 0));
        String orderId = UUID.randomUUID().toString();
        Producers.workOrderClosed(orderId, null, "ZRZYJ", false);
        String ratingId = ratingIdOf(orderId);
        String first = event(ratingId, 0).path("data").path("ratingCode").asString();

        TestClockConfiguration.CLOCK.setShanghai(LocalDateTime.of(2026, 4, 23, 9, 1));
        Response expired = rateByCode(first, 4, List.of());
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.json().path("code").asString()).isEqualTo("CODE_EXPIRED");

        assertThat(ratingService.remindDue()).isGreaterThanOrEqualTo(1);
        JsonNode reminded = event(ratingId, 1);
        assertThat(reminded.path("type").asString()).isEqualTo("rating.reminded");
        String fresh = reminded.path("data").path("ratingCode").asString();
        assertThat(fresh).matches("[0-9A-HJKMNP-TV-Z]{16}").isNotEqualTo(first);
        Response rated = rateByCode(fresh, 4, List.of());
        assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
        assertThat(rated.json().path("level").asInt()).isEqualTo(4);
    }
}
