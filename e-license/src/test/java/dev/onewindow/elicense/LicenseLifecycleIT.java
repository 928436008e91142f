package dev.onewindow.elicense;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.onewindow.elicense.statuslist.Bitstring;
import dev.onewindow.elicense.support.Fixtures;
import dev.onewindow.elicense.support.OfflineVerifier;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Status over HTTP: suspend and reinstate, revoke (final, reflected in the signed status list and in verification),
 * reissue on a change, expiry computed from validity, and who may do what.
 */
@IntegrationTest
class LicenseLifecycleIT {

    @LocalServerPort
    int port;

    private ApiClient api() {
        return ApiClient.localPort(port);
    }

    private final String approver = Fixtures.approver("SCJGJ");

    @Test
    void revokingSetsTheStatusListBitVerificationSaysRevokedAndItCannotBeUndone() {
        JsonNode licence = Fixtures.issue(api(), approver, "SPJYXKZ", Fixtures.newIdNumber(), Fixtures.spjyxkz());
        String id = licence.get("licenseId").asString();
        long index = licence.get("statusListIndex").asLong();
        assertThat(revocationList("SCJGJ").get(index)).isFalse();

        Response revoked = api().post("/api/v1/licenses/" + id + "/revoke").token(approver)
                .json(Map.of("reason", "obtained by fraud")).send();
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");

        assertThat(revocationList("SCJGJ").get(index)).isTrue();
        JsonNode verified = Fixtures.verify(api(), id);
        assertThat(verified.get("status").asString()).isEqualTo("REVOKED");
        assertThat(verified.get("signatureValid").asBoolean()).isTrue();

        Response reinstate = api().post("/api/v1/licenses/" + id + "/reinstate").token(approver).send();
        assertThat(reinstate.status()).isEqualTo(409);
        assertThat(reinstate.json().get("code").asString()).isEqualTo("ILLEGAL_STATE_TRANSITION");
        assertThat(reinstate.json().get("currentState").asString()).isEqualTo("REVOKED");
        assertThat(api().post("/api/v1/licenses/" + id + "/revoke").token(approver).send().status()).isEqualTo(409);
        assertThat(api().post("/api/v1/licenses/" + id + "/suspend").token(approver).send().status()).isEqualTo(409);
        assertThat(Fixtures.verify(api(), id).get("status").asString()).isEqualTo("REVOKED");
        assertThat(revocationList("SCJGJ").get(index)).isTrue();

        List<JsonNode> events = Fixtures.events(id, 2);
        assertThat(events).extracting(e -> e.get("type").asString())
                .containsExactly("license.issued", "license.revoked");
        events.forEach(Fixtures::assertMatchesContract);
    }

    @Test
    void suspensionIsReversibleAndShowsInTheSuspensionList() {
        JsonNode licence = Fixtures.issue(api(), approver, "SPJYXKZ", Fixtures.newIdNumber(), Fixtures.spjyxkz());
        String id = licence.get("licenseId").asString();
        long index = licence.get("statusListIndex").asLong();

        assertThat(api().post("/api/v1/licenses/" + id + "/suspend").token(approver).send().status()).isEqualTo(200);
        assertThat(Fixtures.verify(api(), id).get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(list("SCJGJ", "suspension").get(index)).isTrue();
        assertThat(revocationList("SCJGJ").get(index)).isFalse();

        assertThat(api().post("/api/v1/licenses/" + id + "/reinstate").token(approver).send().status())
                .isEqualTo(200);
        assertThat(Fixtures.verify(api(), id).get("status").asString()).isEqualTo("VALID");
        assertThat(list("SCJGJ", "suspension").get(index)).isFalse();

        List<JsonNode> events = Fixtures.events(id, 3);
        assertThat(events).extracting(e -> e.get("type").asString())
                .containsExactly("license.issued", "license.suspended", "license.reinstated");
        assertThat(events).extracting(e -> e.get("sequence").asLong()).containsExactly(1L, 2L, 3L);
        events.forEach(Fixtures::assertMatchesContract);
    }

    @Test
    void aChangeOfTheFaceRevokesTheLicenceAndIssuesALinkedNewVersion() {
        String idNumber = Fixtures.newIdNumber();
        JsonNode old = Fixtures.issue(api(), approver, "SPJYXKZ", idNumber, Fixtures.spjyxkz());
        String oldId = old.get("licenseId").asString();

        Response invalid = api().post("/api/v1/licenses/" + oldId + "/reissue").token(approver)
                .json(Map.of("changes", Map.of("premises", ""))).send();
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(Fixtures.verify(api(), oldId).get("status").asString()).isEqualTo("VALID");

        Map<String, Object> changes = new HashMap<>();
        changes.put("premises", "宿州市埇桥区汴河路99号");
        changes.put("address", null);
        Response reissued = api().post("/api/v1/licenses/" + oldId + "/reissue").token(approver)
                .json(Map.of("changes", changes, "reason", "经营场所变更")).send();
        assertThat(reissued.status()).as(reissued.toString()).isEqualTo(201);
        JsonNode next = reissued.json();
        String newId = next.get("licenseId").asString();
        assertThat(newId).isNotEqualTo(oldId);
        assertThat(next.get("version").asInt()).isEqualTo(2);
        assertThat(next.get("previousLicenseId").asString()).isEqualTo(oldId);
        assertThat(next.get("validUntil").asString()).isEqualTo(old.get("validUntil").asString());

        assertThat(Fixtures.verify(api(), oldId).get("status").asString()).isEqualTo("REVOKED");
        assertThat(Fixtures.verify(api(), newId).get("signatureValid").asBoolean()).isTrue();
        String holder = Fixtures.citizen(idNumber);
        JsonNode oldRecord = api().get("/api/v1/licenses/" + oldId).token(holder).send().json();
        assertThat(oldRecord.get("supersededBy").asString()).isEqualTo(newId);
        assertThat(oldRecord.get("fields").get("premises").asString()).isEqualTo("宿州市埇桥区银河一路18号");
        JsonNode newFace = api().get("/api/v1/licenses/" + newId).token(holder).send().json().get("fields");
        assertThat(newFace.get("premises").asString()).isEqualTo("宿州市埇桥区汴河路99号");
        assertThat(newFace.get("operatorName").asString()).isEqualTo("宿州市示范餐饮有限公司");

        // only one successor, ever
        assertThat(api().post("/api/v1/licenses/" + oldId + "/reissue").token(approver)
                .json(Map.of("changes", Map.of("premises", "x"))).send().status()).isEqualTo(409);

        JsonNode revoked = Fixtures.events(oldId, 2).get(1);
        assertThat(revoked.get("type").asString()).isEqualTo("license.revoked");
        assertThat(revoked.get("data").get("supersededBy").asString()).isEqualTo(newId);
        JsonNode issued = Fixtures.events(newId, 1).get(0);
        assertThat(issued.get("data").get("previousLicenseId").asString()).isEqualTo(oldId);
        assertThat(issued.get("data").get("version").asInt()).isEqualTo(2);
    }

    @Test
    void aLicencePastItsValidityIsExpiredWithoutAnyJob() {
        // a paper licence from 2015 digitised with its original validity (5 years)
        Response response = api().post("/api/v1/licenses").token(approver).json(Map.of("typeCode", "SPJYXKZ",
                "holder", Map.of("idNumber", Fixtures.newIdNumber()), "validFrom", "2015-06-01",
                "fields", Fixtures.spjyxkz())).send();
        assertThat(response.status()).isEqualTo(201);
        String id = response.json().get("licenseId").asString();
        assertThat(response.json().get("status").asString()).isEqualTo("EXPIRED");

        JsonNode verified = Fixtures.verify(api(), id);
        assertThat(verified.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(verified.get("validUntil").asString()).isEqualTo(LocalDate.of(2020, 5, 31).toString());
        assertThat(verified.get("signatureValid").asBoolean()).isTrue();
        assertThat(api().post("/api/v1/licenses/" + id + "/suspend").token(approver).send().json()
                .get("currentState").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void onlyTheIssuingDepartmentsApproversManageItsLicences() {
        JsonNode licence = Fixtures.issue(api(), approver, "SPJYXKZ", Fixtures.newIdNumber(), Fixtures.spjyxkz());
        String id = licence.get("licenseId").asString();

        Response otherDepartment = api().post("/api/v1/licenses/" + id + "/revoke").token(Fixtures.approver("GAJ"))
                .send();
        assertThat(otherDepartment.status()).isEqualTo(404);
        Response officer = api().post("/api/v1/licenses/" + id + "/revoke")
                .token(Fixtures.staff("officer1", "SCJGJ", "window-officer")).send();
        assertThat(officer.status()).isEqualTo(403);
        Response deptAdmin = api().post("/api/v1/licenses/" + id + "/suspend")
                .token(Fixtures.staff("deptadmin1", "SCJGJ", "dept-admin")).send();
        assertThat(deptAdmin.status()).isEqualTo(200);

        // the issuing department's staff see the record, not the face; other departments nothing
        JsonNode record = api().get("/api/v1/licenses/" + id).token(Fixtures.staff("officer1", "SCJGJ",
                "window-officer")).send().json();
        assertThat(record.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(record.get("fields").isNull()).isTrue();
        assertThat(api().get("/api/v1/licenses/" + id).token(Fixtures.approver("GAJ")).send().status())
                .isEqualTo(404);
        assertThat(Fixtures.verify(api(), id).get("status").asString()).isEqualTo("SUSPENDED");
    }

    @Test
    void statusListsAreSignedByTheIssuerAndUnknownIssuersHaveNone() {
        Fixtures.issue(api(), approver, "SPJYXKZ", Fixtures.newIdNumber(), Fixtures.spjyxkz());
        JsonNode list = api().get("/api/v1/licenses/status-lists/SCJGJ").send().json();
        assertThat(list.get("size").asInt()).isGreaterThanOrEqualTo(131_072);
        assertThat(list.get("statusPurpose").asString()).isEqualTo("revocation");

        OfflineVerifier verifier = new OfflineVerifier(api().get("/api/v1/licenses/keys").send().rawBody());
        assertThat(verifier.verifyStatusList(list)).isTrue();
        var tampered = (tools.jackson.databind.node.ObjectNode) list.deepCopy();
        Bitstring bits = Bitstring.decode(list.get("encodedList").asString());
        if (bits.get(5)) {
            bits.clear(5);
        } else {
            bits.set(5);
        }
        tampered.put("encodedList", bits.encode());
        assertThat(verifier.verifyStatusList(tampered)).isFalse();

        assertThat(api().get("/api/v1/licenses/status-lists/NOSUCH").send().status()).isEqualTo(404);
        assertThat(api().get("/api/v1/licenses/status-lists/SCJGJ?statusPurpose=other").send().status())
                .isEqualTo(400);
    }

    private Bitstring revocationList(String department) {
        return list(department, "revocation");
    }

    private Bitstring list(String department, String purpose) {
        Response response = api().get("/api/v1/licenses/status-lists/" + department + "?statusPurpose=" + purpose)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("statusPurpose").asString()).isEqualTo(purpose);
        return Bitstring.decode(response.json().get("encodedList").asString());
    }
}
