package dev.onewindow.casehandling.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.casehandling.support.Peers;
import dev.onewindow.casehandling.support.Stubs;
import dev.onewindow.platform.testkit.ApiClient.Response;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A peer's refusal of a caller's input is that caller's 400, never a failure of the peer (docs/decisions/0014): no
 * citizen can open a circuit breaker with bad input and so switch off case submission for everyone else, while a
 * failing peer still opens it. Codes that are not codes at all never reach the peer.
 */
class PeerRefusalsIT extends CaseApiSupport {

    @Autowired
    Resilience4JCircuitBreakerFactory breakers;

    /**
     * The attack of the issue: twelve submissions with entry (and bundle) codes service-catalog refuses with 400, as
     * it does for a code ending in NUL, used to get 503 CATALOG_UNAVAILABLE each and open the catalog's breaker for
     * 30 s — then every other citizen's submission got 503 too.
     */
    @Test
    void hostileCodesAreTheCallersRefusalAndOtherCitizensStillSubmit() {
        Citizen attacker = newCitizen();
        String fileId = upload(attacker.token());
        String refusedCode = "XK99999999341300SCJGJBAD" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        String refusedBundle = "CSYJSBAD" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        Peers.catalog().stubFor(get(urlEqualTo("/api/v1/catalog/entries/" + refusedCode)).willReturn(catalogRefusal()));
        Peers.catalog().stubFor(get(urlEqualTo("/api/v1/catalog/bundles/" + refusedBundle))
                .willReturn(catalogRefusal()));
        long catalogCallsBefore = catalogCalls();
        long before = storedCases();

        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(submit(attacker.token(), application(refusedCode, fileId)));
            answers.add(api().post("/api/v1/cases/bundles").token(attacker.token())
                    .json(bundleApplication(refusedBundle, fileId)).send());
        }
        // and codes the catalog never sees: refused here before any call
        for (String notACode : List.of(refusedCode + "\u0000", "../bundles/" + refusedBundle, refusedCode + "%00",
                refusedCode + "\u202e")) {
            answers.add(submit(attacker.token(), application(notACode, fileId)));
        }

        assertThat(answers).hasSize(12);
        for (Response answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        // the catalog's own code and detail reach the caller
        assertProblem(answers.get(0), 400, "INVALID_IDENTIFIER");
        assertThat(answers.get(0).json().get("detail").asString()).isEqualTo("the code is not a valid code");
        assertThat(catalogCalls() - catalogCallsBefore).as("only the well-formed codes reached the catalog")
                .isEqualTo(8);
        assertThat(storedCases()).isEqualTo(before);
        assertThat(catalogBreakers()).isNotEmpty().allSatisfy(breaker -> {
            assertThat(breaker.getState()).as(breaker.getName()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(breaker.getMetrics().getNumberOfFailedCalls()).as(breaker.getName()).isZero();
        });

        // another citizen is not affected
        Response valid = submit(newCitizen().token(), null);
        assertThat(valid.status()).as(valid.toString()).isEqualTo(201);
    }

    @Test
    void aFloodOfPeerRefusalsLeavesTheBreakersClosedWhileFailuresStillOpenThem() {
        Citizen citizen = newCitizen();
        String fileId = upload(citizen.token());
        String refusedCode = Stubs.implementationCode("SCJGJ");
        Peers.catalog().stubFor(get(urlEqualTo("/api/v1/catalog/entries/" + refusedCode)).willReturn(catalogRefusal()));
        for (int i = 0; i < 30; i++) {
            assertProblem(submit(citizen.token(), application(refusedCode, fileId)), 400, "INVALID_IDENTIFIER");
        }
        assertThat(catalogBreakers()).allSatisfy(breaker ->
                assertThat(breaker.getState()).as(breaker.getName()).isEqualTo(CircuitBreaker.State.CLOSED));

        // e-license refusing a code (a 400 it has no special answer for) is the applicant's, not a failure either
        Map<String, Object> entry = publishedEntry("SCJGJ");
        Peers.elicense().stubFor(post(urlPathMatching("/api/v1/licenses/authorizations/flood-.*/redeem"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":400,\"code\":\"VALIDATION_FAILED\",\"detail\":\"bad request\"}")));
        for (int i = 0; i < 30; i++) {
            Map<String, Object> body = citizenApplication(entry, fileId);
            body.put("materials", List.of(Map.of("code", "M01", "licenseAuthorization", "flood-" + i)));
            assertProblem(submit(citizen.token(), body), 400, "VALIDATION_FAILED");
        }
        assertThat(breakers("ELicenseClient")).isNotEmpty().allSatisfy(breaker ->
                assertThat(breaker.getState()).as(breaker.getName()).isEqualTo(CircuitBreaker.State.CLOSED));

        // the catalog failing (5xx) still opens the breaker: after minimum-calls (5 in the test configuration) the
        // catalog is no longer asked and the caller hears it is unavailable
        String failingCode = Stubs.implementationCode("SCJGJ");
        Peers.catalog().stubFor(get(urlEqualTo("/api/v1/catalog/entries/" + failingCode)).willReturn(Stubs.problem(500)));
        for (int i = 0; i < 8; i++) {
            assertProblem(submit(citizen.token(), application(failingCode, fileId)), 503, "CATALOG_UNAVAILABLE");
        }
        assertThat(Peers.catalog().countRequestsMatching(getRequestedFor(
                urlEqualTo("/api/v1/catalog/entries/" + failingCode)).build()).getCount()).isEqualTo(5);
        assertThat(breakers("CatalogClientcurrentEntry")).as(breakers.getCircuitBreakerRegistry()
                .getAllCircuitBreakers().stream().map(CircuitBreaker::getName).toList().toString()).singleElement()
                .satisfies(breaker -> assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder catalogRefusal() {
        return aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json").withBody("""
                {"status":400,"code":"INVALID_IDENTIFIER","detail":"the code is not a valid code",
                 "errors":[{"field":"code","code":"PATTERN","message":"is not a valid code"}]}""");
    }

    /** {@code body}, or a valid application of a fresh published entry when it is null. */
    private Response submit(String token, Map<String, Object> body) {
        Map<String, Object> application = body != null ? body
                : citizenApplication(publishedEntry("SCJGJ"), upload(token));
        return api().post("/api/v1/cases").token(token).json(application).send();
    }

    private Map<String, Object> application(String implementationCode, String fileId) {
        return citizenApplication(Map.of("implementationCode", implementationCode), fileId);
    }

    private Map<String, Object> bundleApplication(String bundleCode, String fileId) {
        Map<String, Object> body = citizenApplication(Map.of("implementationCode", "unused"), fileId);
        body.remove("implementationCode");
        body.put("bundleCode", bundleCode);
        body.put("materials", List.of(Map.of("code", "B01", "fileId", fileId)));
        return body;
    }

    private long catalogCalls() {
        return Peers.catalog().countRequestsMatching(anyRequestedFor(urlPathMatching("/api/v1/catalog/(entries|bundles)/.*"))
                .build()).getCount();
    }

    private List<CircuitBreaker> catalogBreakers() {
        return breakers("CatalogClient");
    }

    /** The breakers of one client's methods, named as Spring Cloud names them ({@code CatalogClientbundleString}). */
    private List<CircuitBreaker> breakers(String prefix) {
        return breakers.getCircuitBreakerRegistry().getAllCircuitBreakers().stream()
                .filter(breaker -> breaker.getName().startsWith(prefix)).toList();
    }
}
