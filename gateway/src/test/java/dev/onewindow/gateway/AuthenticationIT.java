package dev.onewindow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.onewindow.gateway.support.GatewayIntegrationTest;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.TokenMinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Token validation before routing, the public allow-list, and relaying of the token. */
class AuthenticationIT extends GatewayIntegrationTest {

    @Test
    void aRequestWithoutTokenIsRefusedBeforeTheBackendSeesIt() {
        Response response = api().get("/api/v1/cases/auth-none").send();

        assertUnauthenticated(response);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"onewindow\"");
        assertThat(BACKEND.received("/api/v1/cases/auth-none")).isEmpty();
    }

    @ParameterizedTest(name = "{0} token")
    @ValueSource(strings = {"expired", "forged", "wrong-issuer", "wrong-audience", "malformed", "re-encoded"})
    void anInvalidTokenIsRefusedBeforeTheBackendSeesIt(String kind) {
        String token = switch (kind) {
            case "expired" -> TOKENS.user("officer1", "window-officer").expiresIn(Duration.ofMinutes(-5)).mint();
            case "forged" -> TOKENS.user("officer1", "window-officer").forged().mint();
            case "wrong-issuer" -> TOKENS.user("officer1", "window-officer")
                    .issuer("http://127.0.0.1:1/realms/other").mint();
            case "wrong-audience" -> TOKENS.user("officer1", "window-officer").audience("account").mint();
            // same signature bytes, last character changed within its unused bits (lenient base64url decoders agree)
            case "re-encoded" -> TokenMinter.reEncoded(TOKENS.user("officer1", "window-officer").mint());
            default -> "not-a-jwt";
        };
        String path = "/api/v1/cases/auth-" + kind;

        Response response = api().get(path).token(token).send();

        assertUnauthenticated(response);
        assertThat(response.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThat(response.rawBody()).doesNotContain(token);
        assertThat(BACKEND.received(path)).isEmpty();
    }

    @Test
    void aValidTokenIsRelayedUnchangedWithTheRequestId() {
        String token = officerToken();

        Response response = api().post("/api/v1/cases/relay").token(token).json("{\"serviceCode\":\"X1\"}").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(BACKEND.received("/api/v1/cases/relay")).singleElement().satisfies(received -> {
            assertThat(received.method()).isEqualTo("POST");
            assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
            assertThat(received.header("X-Request-Id")).isEqualTo(response.header("X-Request-Id"));
            assertThat(received.bodyBytes()).isEqualTo("{\"serviceCode\":\"X1\"}".length());
        });
    }

    @Test
    void theSameTokenKeepsWorkingOnRepeatedCalls() {
        String token = officerToken();
        for (int i = 0; i < 5; i++) {
            assertThat(api().get("/api/v1/cases/repeat").token(token).send().status()).isEqualTo(200);
        }
        assertThat(BACKEND.received("/api/v1/cases/repeat")).hasSize(5);
    }

    /** Exactly the operations the services declare public, one by one (application.yml). */
    @ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "GET, /api/v1/catalog/items",
            "GET, /api/v1/catalog/service-items/XK00105000",
            "GET, /api/v1/catalog/entries/XK00105000341300SCJGJ",
            "GET, /api/v1/catalog/entries/XK00105000341300SCJGJ/versions/2",
            "GET, /api/v1/catalog/bundles/CSYJS",
            "GET, /api/v1/catalog/departments/SCJGJ",
            "GET, /api/v1/catalog/calendar/days/2026-03-02",
            "GET, /api/v1/catalog/calendar/years/2026",
            "POST, /api/v1/licenses/verify",
            "GET, /api/v1/licenses/verify/YYZZ34130000000001",
            "GET, /api/v1/licenses/status-lists/SCJGJ",
            "GET, /api/v1/licenses/keys",
            "GET, /api/v1/licenses/types/YYZZ",
            "POST, /api/v1/licenses/types/YYZZ/check",
            "GET, /api/v1/hotline/categories",
            "GET, /open311/v2/services.json",
            "GET, /open311/v2/services/ENV-AIR.xml",
            "GET, /open311/v2/requests.json",
            "GET, /open311/v2/requests/1234520260302000001.xml",
            "POST, /open311/v2/requests.xml",
            "GET, /api/v1/evaluations/reasons",
            "GET, /api/v1/evaluations/statistics/summary",
            "POST, /api/v1/evaluations/ratings/by-code",
            "GET, /api/v1/supervision/rankings/summary",
            "GET, /api/v1/supervision/inspections/I-1/record"})
    void thePublicAllowListIsReachableWithoutToken(String method, String path) {
        Response response = method.equals("GET") ? api().get(path).send()
                : api().post(path).json("{\"token\":\"abc\"}").send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        // supervision has a backend of its own here (ResilienceIT stops it)
        assertThat((path.startsWith("/api/v1/supervision/") ? SUPERVISION : BACKEND).received(path)).singleElement()
                .satisfies(received -> assertThat(received.header("Authorization")).isNull());
    }

    /** Everything else, including neighbours of public paths and whole prefixes that used to be public. */
    @ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "POST, /api/v1/catalog/items",
            "GET, /api/v1/catalog/items/1101",
            "GET, /api/v1/catalog/entries",
            "GET, /api/v1/catalog/entries/XK00105000341300SCJGJ/draft",
            "POST, /api/v1/catalog/entries/XK00105000341300SCJGJ/publish",
            "GET, /api/v1/catalog/departments/mine",
            "GET, /api/v1/catalog/calendar/2026",
            "GET, /api/v1/licenses/L-9",
            "GET, /api/v1/licenses/keys/current",
            "POST, /api/v1/licenses/verify/presentation",
            "GET, /api/v1/licenses/mine",
            "POST, /api/v1/licenses/types/YYZZ",
            "GET, /api/v1/cases/mine",
            "GET, /api/v1/evaluations/E-1",
            "GET, /api/v1/evaluations/statistics/monthly",
            "GET, /api/v1/evaluations/statistics",
            "GET, /api/v1/evaluations/statistics/summary/extra",
            "GET, /api/v1/evaluations/reasons/1",
            "POST, /api/v1/evaluations/reasons",
            "GET, /api/v1/evaluations/ratings/by-code",
            "POST, /api/v1/evaluations/ratings",
            "POST, /api/v1/evaluations/codes",
            "GET, /api/v1/evaluations/rectifications/R-1/contact",
            "GET, /api/v1/supervision/alerts",
            "GET, /api/v1/supervision/kpis",
            "GET, /api/v1/supervision/inspections/I-1",
            "POST, /api/v1/supervision/inspections/I-1/draw",
            "GET, /api/v1/supervision/rankings/summary/extra",
            "POST, /open311/v2/services.json",
            "GET, /open311/v2/tokens/1.json",
            "GET, /open311/v2/requests/1/history.json",
            "POST, /api/v1/hotline/categories",
            "GET, /api/v1/hotline/orders",
            "GET, /api/v1/exchange/requests",
            "GET, /api/v1/supervision/orders",
            "GET, /actuator/prometheus"})
    void everythingElseNeedsAToken(String method, String path) {
        Response response = method.equals("GET") ? api().get(path).send() : api().post(path).json("{}").send();

        assertUnauthenticated(response);
        assertThat(BACKEND.received(path)).isEmpty();
    }

    @Test
    void anInvalidTokenOnAPublicPathIsStillRefused() {
        String path = "/api/v1/catalog/entries/public-bad-token";

        Response response = api().get(path).token(TOKENS.user("citizen1", "citizen").forged().mint()).send();

        assertUnauthenticated(response);
        assertThat(BACKEND.received(path)).isEmpty();
    }

    @Test
    void aValidTokenOnAPublicPathIsRelayed() {
        String path = "/api/v1/catalog/entries/public-good-token";
        String token = TOKENS.user("citizen1", "citizen").mint();

        assertThat(api().get(path).token(token).send().status()).isEqualTo(200);
        assertThat(BACKEND.received(path)).singleElement()
                .satisfies(received -> assertThat(received.header("Authorization")).isEqualTo("Bearer " + token));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/catalog/items%2F..%2F..%2Fcases%2Ffw-probe-1",
            "/api/v1/catalog/items/..;/..;/cases/fw-probe-2", "/api/v1/catalog/items/%2e%2e/fw-probe-3"})
    void aPathTheFirewallRefusesIs400ProblemJsonAndNeverRouted(String path) {
        // public GET paths: without the firewall each would be routed without a token
        Response response = api().get(path).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("REQUEST_REJECTED");
        assertThat(response.json().get("traceId").asString()).isNotBlank();
        assertThat(BACKEND.received()).noneMatch(received -> received.path().contains("fw-probe"));
    }

    @Test
    void healthProbesArePublic() {
        assertThat(api().get("/actuator/health/readiness").send().status()).isEqualTo(200);
        assertThat(api().get("/actuator/health/liveness").send().status()).isEqualTo(200);
    }

    private static void assertUnauthenticated(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:onewindow:problem:unauthenticated");
        assertThat(response.json().get("title").asString()).isEqualTo("Unauthorized");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
        assertThat(response.json().get("traceId").asString()).isNotBlank();
    }
}
