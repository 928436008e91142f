package dev.onewindow.elicense;

import java.util.List;
import java.util.Map;

import dev.onewindow.elicense.support.Fixtures;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.ApiFuzzer;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TokenMinter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzz suite, driven by e-license's own OpenAPI document: hostile paths, queries, headers and bodies against
 * every operation — never a 5xx, every 4xx a problem+json with a {@code code}, and a record every hostile request
 * to it was refused reads the same afterwards.
 *
 * <p>The caller is an approver of the issuing department who also holds the licences (citizen role and ID number),
 * so every operation's validation and domain rules are reached: issuing, managing, reading the face, authorizing and
 * redeeming; the main writes start from valid bodies. Two runs, because two operations share the path variable
 * {@code code}: a licence type's code ({@code /types/{code}}) and an authorization code
 * ({@code /authorizations/{code}/redeem}). The first points {@code code} at a real authorization and
 * {@code licenseId} at a licence in force (its documented suspend, reissue … succeed, the hostile ones meet the
 * domain's rules); the second points {@code code} at a real licence type and {@code licenseId} at a revoked licence,
 * so every managing request is refused and the fuzzer checks that the licence reads the same afterwards.
 */
@IntegrationTest
class FuzzIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void hostileInputToEveryOperationGetsA4xxProblemAndChangesNothing() {
        ApiClient api = ApiClient.localPort(port);
        JsonNode doc = api.get("/v3/api-docs").send().json();
        int documented = doc.path("paths").properties().stream().mapToInt(p -> p.getValue().size()).sum();
        String holder = Fixtures.newIdNumber();
        String caller = TokenMinter.shared().user("fuzz-approver", "approver", "citizen").dept("SCJGJ")
                .region("341300").idNumber(holder).mint();

        // first run: a licence in force, {code} a real authorization of it
        long started = System.nanoTime();
        JsonNode valid = Fixtures.issue(api, caller, "SPJYXKZ", holder, Fixtures.spjyxkz());
        ApiFuzzer.Report first = fuzzer(api, doc, caller, holder, valid)
                .pathValue("code", authorize(api, caller, valid.get("licenseId").asString())).run();
        long firstMillis = (System.nanoTime() - started) / 1_000_000;

        // second run: a revoked licence, which every managing request must leave as it is; {code} a licence type
        started = System.nanoTime();
        JsonNode revoked = Fixtures.issue(api, caller, "SPJYXKZ", holder, Fixtures.spjyxkz());
        assertThat(api.post("/api/v1/licenses/" + revoked.get("licenseId").asString() + "/revoke").token(caller)
                .send().status()).isEqualTo(200);
        ApiFuzzer.Report second = fuzzer(api, doc, caller, holder, revoked).pathValue("code", "SPJYXKZ").run();
        long secondMillis = (System.nanoTime() - started) / 1_000_000;

        System.out.println("[fuzz] e-license: " + first + " in " + firstMillis + " ms (a licence in force, {code} an "
                + "authorization); " + second + " in " + secondMillis + " ms (a revoked licence, {code} a licence "
                + "type)");
        assertThat(first.operations()).isEqualTo(documented);
        assertThat(second.operations()).isEqualTo(documented);
        assertThat(first.requests() + second.requests()).isGreaterThan(2_000);
    }

    private static ApiFuzzer fuzzer(ApiClient api, JsonNode doc, String caller, String holder, JsonNode licence) {
        String licenseId = licence.get("licenseId").asString();
        String qr = licence.get("qrToken").asString();
        return ApiFuzzer.of(api, doc).caller(caller)
                // a QR token is made for every read (it expires): not part of what a refused request may not change
                .normalize(FuzzIT::withoutQrToken)
                .pathValue("licenseId", licenseId)
                .pathValue("department", "SCJGJ")
                .body("POST /api/v1/licenses", () -> JSON.writeValueAsString(Map.of("typeCode", "SPJYXKZ",
                        "holder", Map.of("idNumber", holder), "region", "341300", "fields", Fixtures.spjyxkz())))
                .body("POST /api/v1/licenses/{licenseId}/suspend", () -> "{\"reason\":\"inspection\"}")
                .body("POST /api/v1/licenses/{licenseId}/reinstate", () -> "{\"reason\":\"inspection passed\"}")
                .body("POST /api/v1/licenses/{licenseId}/revoke", () -> "{\"reason\":\"closed\"}")
                .body("POST /api/v1/licenses/{licenseId}/reissue", () -> JSON.writeValueAsString(Map.of(
                        "changes", Map.of("premises", "宿州市埇桥区银河一路20号"), "reason", "moved")))
                .body("POST /api/v1/licenses/verify", () -> JSON.writeValueAsString(Map.of("qr", qr)))
                .body("POST /api/v1/licenses/authorizations", () -> JSON.writeValueAsString(Map.of(
                        "departmentCode", "SCJGJ", "purpose", "食品经营许可延续", "licenseIds", List.of(licenseId),
                        "fields", List.of("operatorName", "premises"))))
                .body("POST /api/v1/licenses/authorizations/{code}/redeem",
                        () -> "{\"departmentCode\":\"SCJGJ\",\"caseRef\":\"fuzz-case\"}")
                .body("POST /api/v1/licenses/types/{code}/check", () -> JSON.writeValueAsString(Map.of(
                        "fields", Fixtures.spjyxkz())));
    }

    private static JsonNode withoutQrToken(JsonNode record) {
        if (!record.isObject()) {
            return record;
        }
        tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) record.deepCopy();
        copy.remove("qrToken");
        return copy;
    }

    /** A real authorization code of the holder's licence for SCJGJ. */
    private static String authorize(ApiClient api, String holder, String licenseId) {
        Response created = api.post("/api/v1/licenses/authorizations").token(holder).json(Map.of(
                "departmentCode", "SCJGJ", "purpose", "核验", "licenseIds", List.of(licenseId))).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("code").asString();
    }
}
