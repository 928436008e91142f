package dev.onewindow.casehandling.cases;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.casehandling.support.Peers;
import dev.onewindow.casehandling.support.People;
import dev.onewindow.casehandling.support.Stubs;
import dev.onewindow.platform.personal.LookupHasher;
import dev.onewindow.platform.testkit.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 免证办 through e-license (docs/service-contracts.md): a license authorization replaces an uploaded copy; e-license
 * refusing the code is the applicant's 4xx, e-license being down (errors, timeouts, nothing listening, open circuit)
 * is {@code 503 ELICENSE_UNAVAILABLE} telling them to upload a copy — and in every failure nothing is stored.
 */
class ELicenseIT extends CaseApiSupport {

    @Autowired
    LookupHasher hasher;

    @Test
    void aRedeemedValidLicenseReplacesTheCopy() {
        Map<String, Object> entry = publishedEntry("SCJGJ");
        Citizen citizen = newCitizen();
        String code = "auth-" + java.util.UUID.randomUUID();
        Stubs.redeemable(code, "YYZZ", "VALID", hasher.hashIdNumber(citizen.idNumber()));

        Response created = api().post("/api/v1/cases").token(citizen.token()).json(withLicense(entry, code)).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode material = created.json().get("materials").get(0);
        assertThat(material.get("kind").asString()).isEqualTo("LICENSE");
        assertThat(material.get("licenseType").asString()).isEqualTo("YYZZ");
        assertThat(material.get("licenseStatus").asString()).isEqualTo("VALID");
        String caseId = created.json().get("id").asString();
        // redeemed for the entry's department and this case, with a bearer token
        Peers.elicense().verify(postRequestedFor(urlEqualTo("/api/v1/licenses/authorizations/" + code + "/redeem"))
                .withHeader("Authorization", matching("Bearer .+"))
                .withRequestBody(equalToJson("{\"departmentCode\":\"SCJGJ\",\"caseRef\":\"" + caseId + "\"}")));
    }

    @Test
    void eLicenseRefusingTheCodeIsTheApplicantsProblem() {
        Map<String, Object> entry = publishedEntry("SCJGJ");
        Citizen citizen = newCitizen();
        long before = storedCases();

        Stubs.redeemAnswers("used", 409, "AUTHORIZATION_USED");
        assertProblem(submit(citizen, withLicense(entry, "used")), 409, "AUTHORIZATION_USED");
        Stubs.redeemAnswers("expired", 410, "AUTHORIZATION_EXPIRED");
        assertProblem(submit(citizen, withLicense(entry, "expired")), 400, "AUTHORIZATION_EXPIRED");
        Stubs.redeemAnswers("unknown", 404, "NOT_FOUND");
        assertProblem(submit(citizen, withLicense(entry, "unknown")), 400, "LICENSE_AUTHORIZATION_NOT_FOUND");
        Stubs.redeemable("someone-elses", "YYZZ", "VALID", hasher.hashIdNumber(newCitizen().idNumber()));
        assertProblem(submit(citizen, withLicense(entry, "someone-elses")), 400, "LICENSE_NOT_APPLICANTS");
        Stubs.redeemable("revoked", "YYZZ", "REVOKED", hasher.hashIdNumber(citizen.idNumber()));
        assertProblem(submit(citizen, withLicense(entry, "revoked")), 400, "LICENSE_NOT_VALID");
        Stubs.redeemable("wrong-type", "JMSFZ", "VALID", hasher.hashIdNumber(citizen.idNumber()));
        assertProblem(submit(citizen, withLicense(entry, "wrong-type")), 400, "LICENSE_NOT_ACCEPTED");
        assertThat(storedCases()).isEqualTo(before);

        // refusals are answers, not failures: the circuit stays closed
        String good = "good-" + java.util.UUID.randomUUID();
        Stubs.redeemable(good, "YYZZ", "VALID", hasher.hashIdNumber(citizen.idNumber()));
        assertThat(submit(citizen, withLicense(entry, good)).status()).isEqualTo(201);
    }

    @Test
    void eLicenseFailingOrSlowIsA503TellingTheApplicantToUploadACopy() {
        Map<String, Object> entry = publishedEntry("SCJGJ");
        Citizen citizen = newCitizen();
        long before = storedCases();

        Stubs.redeemAnswers("boom", 500, "INTERNAL_ERROR");
        Response failing = submit(citizen, withLicense(entry, "boom"));
        assertProblem(failing, 503, "ELICENSE_UNAVAILABLE");
        assertThat(failing.json().get("detail").asString()).contains("upload a copy");

        Peers.elicense().stubFor(post(urlEqualTo("/api/v1/licenses/authorizations/slow/redeem"))
                .willReturn(aResponse().withFixedDelay(3000).withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("{\"licenses\":[]}")));
        assertProblem(submit(citizen, withLicense(entry, "slow")), 503, "ELICENSE_UNAVAILABLE");

        Peers.elicense().stubFor(post(urlEqualTo("/api/v1/licenses/authorizations/reset/redeem"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertProblem(submit(citizen, withLicense(entry, "reset")), 503, "ELICENSE_UNAVAILABLE");
        assertThat(storedCases()).isEqualTo(before);
    }

    @Test
    void eLicenseStoppedIsA503AndNothingIsStored() {
        Map<String, Object> entry = publishedEntry("SCJGJ");
        Citizen citizen = newCitizen();
        long before = storedCases();
        Peers.stopELicense();
        try {
            Response down = submit(citizen, withLicense(entry, "anything"));
            assertProblem(down, 503, "ELICENSE_UNAVAILABLE");
            assertThat(down.json().get("detail").asString())
                    .isEqualTo("the e-license service is unavailable; upload a copy of the material instead");
            assertThat(storedCases()).isEqualTo(before);
            // the applicant follows the advice: with an uploaded copy the submission goes through
            assertThat(submit(citizen, citizenApplication(entry, upload(citizen.token()))).status()).isEqualTo(201);
        } finally {
            Peers.elicense();
        }
    }

    @Test
    void repeatedFailuresOpenTheCircuitSoELicenseIsNoLongerCalled() {
        Map<String, Object> entry = publishedEntry("SCJGJ");
        Citizen citizen = newCitizen();
        Peers.elicense().stubFor(post(urlPathMatching("/api/v1/licenses/authorizations/cb-.*/redeem"))
                .willReturn(Stubs.problem(503)));
        for (int i = 0; i < 8; i++) {
            assertProblem(submit(citizen, withLicense(entry, "cb-" + i)), 503, "ELICENSE_UNAVAILABLE");
        }
        // minimum-calls 5 in the test configuration: the breaker opened after the fifth failure
        assertThat(Peers.elicense().countRequestsMatching(postRequestedFor(
                urlPathMatching("/api/v1/licenses/authorizations/cb-.*/redeem")).build()).getCount()).isEqualTo(5);
    }

    /**
     * A supplement is checked completely before the holder's single-use code is redeemed, as a submission is: a
     * material that accepts no e-license, or a supplement that lacks a requested material, is refused and the code
     * stays unused — it still serves the supplement the applicant sends next.
     */
    @Test
    void aMismatchedSupplementLeavesTheAuthorizationUnused() {
        Map<String, Object> entry = publishedEntry("SCJGJ");
        Citizen citizen = newCitizen();
        String id = submitAsCitizen(citizen, entry).json().get("id").asString();
        ok(command(id, "supplement-requests", People.officer("SCJGJ"), Map.of("items", List.of(
                Map.of("materialCode", "M01", "description", "营业执照副本模糊"),
                Map.of("materialCode", "M02", "description", "请提交经营场所证明")))));
        String code = "keep-" + UUID.randomUUID();
        Stubs.redeemable(code, "YYZZ", "VALID", hasher.hashIdNumber(citizen.idNumber()));
        String fileId = upload(citizen.token());

        // M02 (经营场所证明) accepts no e-license at all
        Response notReplaceable = command(id, "supplement", citizen.token(), Map.of("materials", List.of(
                Map.of("code", "M01", "fileId", fileId), Map.of("code", "M02", "licenseAuthorization", code))));
        assertProblem(notReplaceable, 400, "LICENSE_NOT_ACCEPTED");
        // the licence serves M01, but the requested M02 is missing
        Response incomplete = command(id, "supplement", citizen.token(), Map.of("materials", List.of(
                Map.of("code", "M01", "licenseAuthorization", code))));
        assertProblem(incomplete, 400, "MISSING_MATERIALS");
        assertThat(incomplete.json().get("missingMaterials").values()).extracting(JsonNode::asString)
                .containsExactly("M02");
        Peers.elicense().verify(0, postRequestedFor(urlEqualTo(redeemPath(code))));
        assertThat(storedCase(id).getString("status")).isEqualTo("SUPPLEMENT_REQUIRED");

        JsonNode supplemented = ok(command(id, "supplement", citizen.token(), Map.of("materials", List.of(
                Map.of("code", "M01", "licenseAuthorization", code), Map.of("code", "M02", "fileId", fileId)))))
                .json();
        assertThat(supplemented.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(supplemented.get("materials").values()).filteredOn(m -> m.get("code").asString().equals("M01"))
                .extracting(m -> m.get("kind").asString()).containsExactly("LICENSE");
        Peers.elicense().verify(1, postRequestedFor(urlEqualTo(redeemPath(code)))
                .withRequestBody(equalToJson("{\"departmentCode\":\"SCJGJ\",\"caseRef\":\"" + id + "\"}")));
    }

    private static String redeemPath(String code) {
        return "/api/v1/licenses/authorizations/" + code + "/redeem";
    }

    private Response submit(Citizen citizen, Map<String, Object> body) {
        return api().post("/api/v1/cases").token(citizen.token()).json(body).send();
    }

    private Map<String, Object> withLicense(Map<String, Object> entry, String authorization) {
        Map<String, Object> body = citizenApplication(entry, "unused");
        body.put("materials", List.of(Map.of("code", "M01", "licenseAuthorization", authorization)));
        return body;
    }
}
