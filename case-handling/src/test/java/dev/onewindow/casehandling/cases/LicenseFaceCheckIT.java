package dev.onewindow.casehandling.cases;

import java.util.List;
import java.util.Map;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.casehandling.support.Peers;
import dev.onewindow.casehandling.support.Stubs;
import dev.onewindow.platform.testkit.ApiClient.Response;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application whose result is a licence is checked against the licence's face at e-license before anything is
 * stored: a form e-license could not print a licence from is the applicant's 400 naming the fields (instead of a case
 * that would stall at APPROVED), and e-license being unable to check lets the application through.
 */
class LicenseFaceCheckIT extends CaseApiSupport {

    @Autowired
    Resilience4JCircuitBreakerFactory breakers;

    @Test
    void aFormThatCannotBecomeTheLicenceIsRefusedNamingTheFieldsAndNothingIsStored() {
        Map<String, Object> entry = licenceEntry("FACEA");
        Peers.elicense().stubFor(post(urlEqualTo("/api/v1/licenses/types/FACEA/check")).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", "application/problem+json").withBody("""
                        {"status":400,"code":"INVALID_LICENSE_FIELDS","errors":[
                          {"field":"fields.entityName","code":"REQUIRED","message":"名称 is required"},
                          {"field":"fields.registeredCapital","code":"INVALID_VALUE","message":"注册资本 must be a number"}]}
                        """)));
        Citizen citizen = newCitizen();
        String fileId = upload(citizen.token());
        long before = storedCases();

        Response refused = api().post("/api/v1/cases").token(citizen.token())
                .json(citizenApplication(entry, fileId)).send();

        assertProblem(refused, 400, "FORM_DOES_NOT_FIT_LICENSE");
        assertThat(refused.json().get("errors").values().stream().map(e -> e.get("field").asString()).toList())
                .containsExactly("formData.entityName", "formData.registeredCapital");
        assertThat(refused.json().get("errors").get(0).get("code").asString()).isEqualTo("REQUIRED");
        assertThat(storedCases()).isEqualTo(before);
        // e-license was asked with the fields case.approved would carry
        Peers.elicense().verify(postRequestedFor(urlEqualTo("/api/v1/licenses/types/FACEA/check"))
                .withRequestBody(equalToJson("{\"fields\":{\"shopName\":\"老张小吃\",\"age\":35,"
                        + "\"residence\":\"341300\"}}")));
    }

    @Test
    void aFittingFormIsAccepted() {
        Map<String, Object> entry = licenceEntry("FACEB");
        Peers.elicense().stubFor(post(urlEqualTo("/api/v1/licenses/types/FACEB/check"))
                .willReturn(okJson("{\"typeCode\":\"FACEB\",\"fits\":true}")));

        Response created = submitAsCitizen(newCitizen(), entry);

        assertThat(created.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(Peers.elicense().countRequestsMatching(postRequestedFor(
                urlEqualTo("/api/v1/licenses/types/FACEB/check")).build()).getCount()).isEqualTo(1);
    }

    @Test
    void whenELicenseCannotCheckTheApplicationGoesThroughUnchecked() {
        Map<String, Object> entry = licenceEntry("FACEC");
        Peers.elicense().stubFor(post(urlEqualTo("/api/v1/licenses/types/FACEC/check"))
                .willReturn(Stubs.problem(503)));
        assertThat(submitAsCitizen(newCitizen(), entry).json().get("status").asString()).isEqualTo("SUBMITTED");

        Peers.stopELicense();
        try {
            assertThat(submitAsCitizen(newCitizen(), entry).json().get("status").asString()).isEqualTo("SUBMITTED");
        } finally {
            Peers.elicense();
        }
    }

    /**
     * e-license not knowing the licence type the catalog names is nobody's input error: the application goes through
     * unchecked, and the answer is not counted as e-license failing (a flood of them leaves the breaker closed).
     * A licence type that is not a code at all is not sent to e-license.
     */
    @Test
    void aLicenceTypeELicenseDoesNotKnowLetsTheApplicationThroughWithoutCountingAsAFailure() {
        Map<String, Object> entry = licenceEntry("FACED");
        Peers.elicense().stubFor(post(urlEqualTo("/api/v1/licenses/types/FACED/check")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"code\":\"NOT_FOUND\"}")));
        for (int i = 0; i < 6; i++) {
            assertThat(submitAsCitizen(newCitizen(), entry).json().get("status").asString()).isEqualTo("SUBMITTED");
        }
        assertThat(breakers.getCircuitBreakerRegistry().getAllCircuitBreakers().stream()
                .filter(b -> b.getName().startsWith("LicenseTypeClient")).toList()).singleElement().satisfies(b -> {
                    assertThat(b.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
                    assertThat(b.getMetrics().getNumberOfFailedCalls()).isZero();
                });

        Map<String, Object> malformed = licenceEntry("../x");
        long checks = Peers.elicense().countRequestsMatching(postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/api/v1/licenses/types/.*")).build())
                .getCount();
        assertThat(submitAsCitizen(newCitizen(), malformed).json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(Peers.elicense().countRequestsMatching(postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/api/v1/licenses/types/.*")).build())
                .getCount()).isEqualTo(checks);
    }

    @Test
    void aDocumentResultIsNotChecked() {
        Map<String, Object> entry = Stubs.entry(Stubs.implementationCode("SCJGJ"), 1, "SCJGJ");
        entry.put("result", Stubs.result("DOCUMENT", null));
        Stubs.publish(entry);
        long checksBefore = Peers.elicense().countRequestsMatching(postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/api/v1/licenses/types/.*/check"))
                .build()).getCount();

        submitAsCitizen(newCitizen(), entry);

        assertThat(Peers.elicense().countRequestsMatching(postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/api/v1/licenses/types/.*/check"))
                .build()).getCount()).isEqualTo(checksBefore);
    }

    private static Map<String, Object> licenceEntry(String licenceType) {
        Map<String, Object> entry = Stubs.entry(Stubs.implementationCode("SCJGJ"), 1, "SCJGJ");
        entry.put("result", Stubs.result("LICENSE", licenceType));
        entry.put("materials", List.of(Stubs.material("M01", "申请书", true, List.of())));
        Stubs.publish(entry);
        return entry;
    }
}
