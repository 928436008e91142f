package dev.onewindow.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.onewindow.gateway.support.GatewayIntegrationTest;
import dev.onewindow.platform.testkit.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Request ids, trace propagation, security headers, CORS, unknown routes and the access log. */
@ExtendWith(OutputCaptureExtension.class)
class EdgeIT extends GatewayIntegrationTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aSafeRequestIdIsKeptForwardedAndEchoed() {
        Response response = api().get("/api/v1/cases/rid-kept").token(officerToken())
                .header("X-Request-Id", "app-7f3a.2:b_c").send();

        assertThat(response.header("X-Request-Id")).isEqualTo("app-7f3a.2:b_c");
        assertThat(BACKEND.received("/api/v1/cases/rid-kept")).singleElement()
                .satisfies(r -> assertThat(r.header("X-Request-Id")).isEqualTo("app-7f3a.2:b_c"));
    }

    @Test
    void aMissingOrUnsafeRequestIdIsReplacedByAGeneratedOne() {
        Response missing = api().get("/api/v1/cases/rid-missing").token(officerToken()).send();
        Response unsafe = api().get("/api/v1/cases/rid-unsafe").token(officerToken())
                .header("X-Request-Id", "<script>alert(1)</script>").send();
        Response tooLong = api().get("/api/v1/cases/rid-long").token(officerToken())
                .header("X-Request-Id", "a".repeat(65)).send();

        for (Response response : new Response[] {missing, unsafe, tooLong}) {
            assertThat(response.header("X-Request-Id")).matches(UUID);
        }
        assertThat(BACKEND.received("/api/v1/cases/rid-unsafe")).singleElement()
                .satisfies(r -> assertThat(r.header("X-Request-Id")).isEqualTo(unsafe.header("X-Request-Id")));
        assertThat(BACKEND.received("/api/v1/cases/rid-missing")).singleElement()
                .satisfies(r -> assertThat(r.header("X-Request-Id")).isEqualTo(missing.header("X-Request-Id")));
    }

    @Test
    void gatewayErrorsCarryTheRequestIdToo() {
        Response response = api().get("/api/v1/cases/rid-401").header("X-Request-Id", "err-1").send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("X-Request-Id")).isEqualTo("err-1");
    }

    @Test
    void theTraceIsPropagatedToTheBackendInW3cFormat() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        api().get("/api/v1/cases/trace-new").token(officerToken()).send();
        api().get("/api/v1/cases/trace-continued").token(officerToken())
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").send();

        assertThat(BACKEND.received("/api/v1/cases/trace-new")).singleElement().satisfies(r ->
                assertThat(r.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));
        assertThat(BACKEND.received("/api/v1/cases/trace-continued")).singleElement().satisfies(r ->
                assertThat(r.header("traceparent")).startsWith("00-" + traceId + "-"));
    }

    @Test
    void requestMetricsCarryTheRouteAndEachServiceHasABreaker() {
        assertThat(api().get("/api/v1/cases/metrics-probe").token(officerToken()).send().status()).isEqualTo(200);

        Response metrics = api().get("/actuator/prometheus").token(officerToken()).send();

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.rawBody()).containsPattern(
                "http_server_requests_seconds_count\\{[^}]*spring_cloud_gateway_route_id=\"case-handling\"")
                .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"supervision\"");
    }

    @Test
    void theQueryStringIsForwardedUnchanged() {
        api().get("/api/v1/cases/query?page=2&q=a%20b").token(officerToken()).send();

        assertThat(BACKEND.received("/api/v1/cases/query")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("page=2&q=a%20b"));
    }

    @Test
    void forwardingHeadersFromTheClientAreNotPassedOn() {
        api().get("/api/v1/cases/forged-forwarding").token(officerToken())
                .header("X-Forwarded-For", "10.9.8.7").header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=10.9.8.7;host=evil.example").send();

        assertThat(BACKEND.received("/api/v1/cases/forged-forwarding")).singleElement().satisfies(r -> {
            assertThat(r.header("X-Forwarded-For")).isNull();
            assertThat(r.header("X-Forwarded-Host")).isNull();
            assertThat(r.header("Forwarded")).isNull();
        });
    }

    @Test
    void responsesCarrySecurityHeaders() {
        Response routed = api().get("/api/v1/cases/headers").token(officerToken()).send();
        Response refused = api().get("/api/v1/cases/headers").send();

        for (Response response : new Response[] {routed, refused}) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("Cache-Control")).contains("no-store");
            assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'self'; frame-ancestors 'none'");
            assertThat(response.header("Strict-Transport-Security")).isNull(); // plain http: HSTS only over https
        }
    }

    @Test
    void aCorsPreflightFromAnAllowedOriginIsAnswered() throws Exception {
        HttpResponse<String> response = preflight("http://localhost:5173");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization").contains("content-type");
        assertThat(BACKEND.received("/api/v1/cases/cors")).isEmpty();
    }

    @Test
    void aCorsPreflightFromAnotherOriginIsRefused() throws Exception {
        HttpResponse<String> response = preflight("https://evil.example");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"CORS_ORIGIN_REFUSED\"");
    }

    @Test
    void anAllowedOriginCanReadTheAnswerAndTheRequestId() {
        Response response = api().get("/api/v1/cases/cors-get").token(officerToken())
                .header("Origin", "https://servicewechat.com").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://servicewechat.com");
        assertThat(response.header("Access-Control-Expose-Headers")).contains("X-Request-Id");
    }

    @Test
    void anUnknownRouteIs404ProblemJson() {
        Response response = api().get("/api/v2/nowhere").token(officerToken()).send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aWrongMethodOnTheGatewaysOwnEndpointIs405ProblemJson() {
        Response response = api().post("/actuator/health").json("{}").send();

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void theAccessLogHasOneLinePerRequestWithoutTokenQueryOrIdNumbers(CapturedOutput output) {
        String token = officerToken();
        Response response = api().get("/api/v1/cases/by-applicant/110105199003071234?idNumber=110105199003071234")
                .token(token).header("X-Request-Id", "log-check-1").send();
        assertThat(response.status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("requestId=log-check-1"));
        String line = output.getOut().lines().filter(l -> l.contains("requestId=log-check-1")).findFirst()
                .orElseThrow();
        assertThat(line).contains("onewindow.access").contains("GET /api/v1/cases/by-applicant/*** 200 ")
                .contains("client=user").containsPattern("\\d+ms");
        assertThat(output.getOut()).doesNotContain(token).doesNotContain("110105199003071234")
                .doesNotContain("idNumber");
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases/cors"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
