package dev.onewindow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import dev.onewindow.gateway.support.GatewayIntegrationTest;
import dev.onewindow.platform.testkit.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * Limits per partner client id and per anonymous address (test limits: partner burst 3 then 1/s; anonymous burst 30
 * then 5/s).
 */
class RateLimitIT extends GatewayIntegrationTest {

    @Test
    void aPartnerOverItsLimitGets429WithRetryAfterAndTheBackendIsSpared() {
        String path = "/api/v1/cases/partner-burst";
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // a fresh token each time: the limit follows the client id, not the token
            responses.add(api().get(path).token(TOKENS.client("partner-limited", "partner").mint()).send());
        }

        assertThat(responses).extracting(Response::status).startsWith(200, 200, 200).contains(429);
        Response refused = responses.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(refused.json().get("title").asString()).isEqualTo("Too Many Requests");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        // every answer tells the partner its burst and what is left of it
        assertThat(responses.subList(0, 3)).extracting(r -> r.header("X-RateLimit-Limit")).containsOnly("3");
        assertThat(responses.subList(0, 3)).extracting(r -> r.header("X-RateLimit-Remaining"))
                .containsExactly("2", "1", "0");
        assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("3");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        long allowed = responses.stream().filter(r -> r.status() == 200).count();
        assertThat(BACKEND.received(path)).hasSize((int) allowed);
    }

    @Test
    void anotherPartnerIsNotAffected() {
        for (int i = 0; i < 6; i++) {
            api().get("/api/v1/cases/partner-a").token(TOKENS.client("partner-noisy", "partner").mint()).send();
        }

        Response other = api().get("/api/v1/cases/partner-b")
                .token(TOKENS.client("partner-quiet", "partner").mint()).send();

        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    void anonymousCallersAreCountedPerAddressBehindATrustedProxy() {
        // the test client connects from 127.0.0.1, a trusted proxy in the default configuration
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            statuses.add(api().get("/api/v1/catalog/entries/anon-" + i)
                    .header("X-Forwarded-For", "203.0.113.9, 127.0.0.1").send().status());
        }
        Response neighbour = api().get("/api/v1/catalog/entries/anon-neighbour")
                .header("X-Forwarded-For", "203.0.113.10").send();

        assertThat(statuses).contains(429);
        assertThat(statuses.subList(0, 25)).containsOnly(200);
        assertThat(neighbour.status()).isEqualTo(200);
    }

    @Test
    void aClientThatKeepsItsTokenIsToldItsLimitOnEveryAnswer() {
        // the same token again and again: after the first call the gateway knows it (verified-token cache)
        String token = officerToken();
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            responses.add(api().get("/api/v1/cases/told-" + i).token(token).send());
        }

        assertThat(responses).extracting(Response::status).containsOnly(200);
        assertThat(responses).extracting(r -> r.header("X-RateLimit-Limit")).containsOnly("1000");
        assertThat(responses).extracting(r -> Integer.parseInt(r.header("X-RateLimit-Remaining")))
                .allSatisfy(remaining -> assertThat(remaining).isBetween(990, 999));
    }

    @Test
    void signedInUsersHaveTheirOwnBuckets() {
        // user limit in the tests is 1000/s: a user is never limited by anonymous or partner traffic
        Response response = api().get("/api/v1/cases/user-bucket").token(officerToken()).send();
        assertThat(response.status()).isEqualTo(200);
    }
}
