package dev.onewindow.elicense;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import dev.onewindow.elicense.support.Fixtures;
import dev.onewindow.elicense.support.OfflineVerifier;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anyone verifies a licence — by id or by its QR token, online, or offline with the published keys alone — and a
 * tampered licence or token fails. Covers the three kinds of seal key: generated ES256 (SCJGJ), generated SM2 (RSJ)
 * and configured, rotated ES256 (ZRZYJ).
 */
@IntegrationTest
class VerificationIT {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    private ApiClient api() {
        return ApiClient.localPort(port);
    }

    @Test
    void anIssuedLicenceVerifiesByIdAndByQrTokenOnlineAndOffline() {
        JsonNode issued = Fixtures.issue(api(), Fixtures.approver("SCJGJ"), "SPJYXKZ", Fixtures.newIdNumber(),
                Fixtures.spjyxkz());
        String id = issued.get("licenseId").asString();
        String qr = issued.get("qrToken").asString();
        assertThat(issued.get("fields").isNull()).as("the issuer's answer shows no face").isTrue();

        JsonNode byId = Fixtures.verify(api(), id);
        assertThat(byId.get("licenseId").asString()).isEqualTo(id);
        assertThat(byId.get("typeCode").asString()).isEqualTo("SPJYXKZ");
        assertThat(byId.get("issuer").asString()).isEqualTo("SCJGJ");
        assertThat(byId.get("signatureValid").asBoolean()).isTrue();
        assertThat(byId.get("status").asString()).isEqualTo("VALID");
        assertThat(byId.get("validUntil").asString()).isEqualTo(issued.get("validUntil").asString());
        assertThat(byId.propertyNames()).containsExactlyInAnyOrder("licenseId", "typeCode", "issuer",
                "signatureValid", "status", "validUntil");

        Response byToken = api().post("/api/v1/licenses/verify").json(Map.of("qr", qr)).send();
        assertThat(byToken.status()).isEqualTo(200);
        assertThat(byToken.json()).isEqualTo(byId);

        // offline: nothing but the published key set
        String keys = api().get("/api/v1/licenses/keys").send().rawBody();
        JsonNode claims = new OfflineVerifier(keys).verify(qr);
        assertThat(claims).isNotNull();
        assertThat(claims.get("lid").asString()).isEqualTo(id);
        assertThat(claims.get("iss").asString()).isEqualTo("SCJGJ");
        assertThat(claims.get("sli").asLong()).isEqualTo(issued.get("statusListIndex").asLong());
    }

    @Test
    void aTamperedTokenFailsAndSomethingThatIsNotATokenIsABadRequest() {
        JsonNode issued = Fixtures.issue(api(), Fixtures.approver("SCJGJ"), "SPJYXKZ", Fixtures.newIdNumber(),
                Fixtures.spjyxkz());
        String[] parts = issued.get("qrToken").asString().split("\\.");

        // the payload claims another version: the signature no longer covers it
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"ver\":1", "\"ver\":2").getBytes(StandardCharsets.UTF_8));
        assertThat(verifyToken(parts[0] + "." + forgedPayload + "." + parts[2]).get("signatureValid").asBoolean())
                .isFalse();
        // one bit of the signature changed
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[10] ^= 1;
        String flipped = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(signature);
        assertThat(verifyToken(flipped).get("signatureValid").asBoolean()).isFalse();
        assertThat(new OfflineVerifier(api().get("/api/v1/licenses/keys").send().rawBody()).verify(flipped))
                .isNull();

        Response garbage = api().post("/api/v1/licenses/verify").json(Map.of("qr", "definitely-not-a-token")).send();
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.contentType()).startsWith("application/problem+json");
        assertThat(garbage.json().get("code").asString()).isEqualTo("INVALID_QR_TOKEN");
    }

    @Test
    void aLicenceAlteredInTheDatabaseNoLongerVerifies() {
        JsonNode first = Fixtures.issue(api(), Fixtures.approver("SCJGJ"), "SPJYXKZ", Fixtures.newIdNumber(),
                Fixtures.spjyxkz());
        JsonNode second = Fixtures.issue(api(), Fixtures.approver("SCJGJ"), "SPJYXKZ", Fixtures.newIdNumber(),
                Fixtures.spjyxkz());
        String id = first.get("licenseId").asString();
        String qr = first.get("qrToken").asString();

        // someone with database access extends the validity …
        mongo.getCollection("licenses").updateOne(new Document("_id", id),
                new Document("$set", new Document("validUntil", java.util.Date.from(java.time.Instant.parse(
                        "2099-12-31T00:00:00Z")))));
        assertThat(Fixtures.verify(api(), id).get("signatureValid").asBoolean()).isFalse();
        assertThat(verifyToken(qr).get("signatureValid").asBoolean()).isFalse();

        // … or gives it the sealed content of another licence
        String otherId = second.get("licenseId").asString();
        Document other = mongo.getCollection("licenses").find(new Document("_id", otherId)).first();
        mongo.getCollection("licenses").updateOne(new Document("_id", otherId), new Document("$set",
                new Document("seal.content", ((Document) mongo.getCollection("licenses")
                        .find(new Document("_id", id)).first().get("seal")).getString("content"))));
        assertThat(Fixtures.verify(api(), otherId).get("signatureValid").asBoolean()).isFalse();
        assertThat(verifyToken(second.get("qrToken").asString()).get("signatureValid").asBoolean()).isFalse();
        assertThat(other).isNotNull();
    }

    @Test
    void anUnknownLicenceIsANotFoundProblem() {
        Response byId = api().get("/api/v1/licenses/verify/YYZZ34130099999999").send();
        assertThat(byId.status()).isEqualTo(404);
        assertThat(byId.contentType()).startsWith("application/problem+json");
        assertThat(byId.json().get("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void anSm2DepartmentSealsWithSm2AndItsTokensVerifyOffline() {
        String idNumber = Fixtures.newIdNumber();
        JsonNode issued = Fixtures.issue(api(), Fixtures.approver("RSJ"), "SBK", idNumber,
                Map.of("name", "王芳", "idNumber", idNumber, "cardNo", "A12345678"));
        assertThat(issued.get("alg").asString()).isEqualTo("SM2");

        assertThat(Fixtures.verify(api(), issued.get("licenseId").asString()).get("signatureValid").asBoolean())
                .isTrue();
        assertThat(verifyToken(issued.get("qrToken").asString()).get("signatureValid").asBoolean()).isTrue();
        String keys = api().get("/api/v1/licenses/keys").send().rawBody();
        assertThat(new OfflineVerifier(keys).verify(issued.get("qrToken").asString())).isNotNull();
    }

    @Test
    void configuredKeysSealAndRetiredOnesStayPublished() {
        JsonNode issued = Fixtures.issue(api(), Fixtures.approver("ZRZYJ"), "BDCQZ", Fixtures.newIdNumber(), Map.of(
                "owner", "张伟", "coOwnership", "单独所有", "location", "宿州市埇桥区人民路1号3栋201",
                "unitNo", "341302001001GB00001F00030201", "rightType", "国有建设用地使用权/房屋所有权",
                "usage", "住宅", "area", 89.5));
        assertThat(issued.get("kid").asString()).isEqualTo("zrzyj-2026");
        assertThat(Fixtures.verify(api(), issued.get("licenseId").asString()).get("signatureValid").asBoolean())
                .isTrue();

        JsonNode keys = api().get("/api/v1/licenses/keys").send().json().get("keys");
        assertThat(keys.valueStream().map(k -> k.get("kid").asString() + ":" + k.get("status").asString()))
                .contains("zrzyj-2026:active", "zrzyj-2025:retired");
        assertThat(keys.valueStream().filter(k -> k.get("kid").asString().equals("zrzyj-2026")).findFirst()
                .orElseThrow().propertyNames()).containsExactlyInAnyOrder("kty", "crv", "x", "y", "kid", "alg", "use",
                "dept", "status");
    }

    @Test
    void issuingIsForTheTypesDepartmentOrATrustedIssuerAndChecksTheFace() {
        String idNumber = Fixtures.newIdNumber();
        Response officer = api().post("/api/v1/licenses").token(Fixtures.staff("officer1", "SCJGJ", "window-officer"))
                .json(Map.of("typeCode", "SPJYXKZ", "holder", Map.of("idNumber", idNumber), "fields",
                        Fixtures.spjyxkz())).send();
        assertThat(officer.status()).isEqualTo(403);
        Response otherDepartment = api().post("/api/v1/licenses").token(Fixtures.approver("GAJ"))
                .json(Map.of("typeCode", "SPJYXKZ", "holder", Map.of("idNumber", idNumber), "fields",
                        Fixtures.spjyxkz())).send();
        assertThat(otherDepartment.status()).isEqualTo(403);
        Response citizen = api().post("/api/v1/licenses").token(Fixtures.citizen(idNumber))
                .json(Map.of("typeCode", "SPJYXKZ", "holder", Map.of("idNumber", idNumber), "fields",
                        Fixtures.spjyxkz())).send();
        assertThat(citizen.status()).isEqualTo(403);

        // a trusted issuing system may issue for any department, with the region stated
        Response hub = api().post("/api/v1/licenses").token(Fixtures.client("licensing-hub"))
                .json(Map.of("typeCode", "JZZ", "region", "341302", "holder", Map.of("idNumber", idNumber),
                        "fields", Map.of("name", "张伟", "sex", "男", "idNumber", idNumber,
                                "residenceAddress", "宿州市埇桥区淮海路8号"))).send();
        assertThat(hub.status()).as(hub.toString()).isEqualTo(201);
        assertThat(hub.json().get("licenseId").asString()).matches("JZZ341302\\d{8}");
        assertThat(hub.json().get("issuerDepartment").asString()).isEqualTo("GAJ");

        // the district bureau issues the same licence type in its own district, under its own seal
        Response district = api().post("/api/v1/licenses").token(Fixtures.districtStaff("approver-yq", "YQSCJGJ", "341302",
                "approver")).json(Map.of("typeCode", "SPJYXKZ", "holder", Map.of("idNumber", idNumber), "fields",
                        Fixtures.spjyxkz())).send();
        assertThat(district.status()).as(district.toString()).isEqualTo(201);
        assertThat(district.json().get("licenseId").asString()).matches("SPJYXKZ341302\\d{8}");
        assertThat(district.json().get("issuerDepartment").asString()).isEqualTo("YQSCJGJ");
        assertThat(district.json().get("kid").asString()).startsWith("YQSCJGJ-");
        assertThat(Fixtures.verify(api(), district.json().get("licenseId").asString()).get("issuer").asString())
                .isEqualTo("YQSCJGJ");

        Map<String, Object> badFace = Fixtures.spjyxkz();
        badFace.put("uscc", "91341302MA2T4K7B8X");
        badFace.put("colour", "red");
        Response invalid = api().post("/api/v1/licenses").token(Fixtures.approver("SCJGJ"))
                .json(Map.of("typeCode", "SPJYXKZ", "holder", Map.of("idNumber", idNumber), "fields", badFace))
                .send();
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("code").asString()).isEqualTo("INVALID_LICENSE_FIELDS");
        assertThat(invalid.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("fields.uscc", "fields.colour");
        Response badHolder = api().post("/api/v1/licenses").token(Fixtures.approver("SCJGJ"))
                .json(Map.of("typeCode", "SPJYXKZ", "holder", Map.of("idNumber", "341302199003071235"), "fields",
                        Fixtures.spjyxkz())).send();
        assertThat(badHolder.status()).isEqualTo(400);
        Response unknownType = api().post("/api/v1/licenses").token(Fixtures.approver("SCJGJ"))
                .json(Map.of("typeCode", "XYZ", "holder", Map.of("idNumber", idNumber), "fields", Map.of())).send();
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.json().get("code").asString()).isEqualTo("UNKNOWN_LICENSE_TYPE");
    }

    @Test
    void aRetriedIssueWithTheSameIdempotencyKeyReturnsTheSameLicence() {
        String idNumber = Fixtures.newIdNumber();
        String key = java.util.UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("typeCode", "SPJYXKZ", "holder", Map.of("idNumber", idNumber), "fields",
                Fixtures.spjyxkz());
        Response first = api().post("/api/v1/licenses").token(Fixtures.approver("SCJGJ"))
                .header("Idempotency-Key", key).json(body).send();
        Response retry = api().post("/api/v1/licenses").token(Fixtures.approver("SCJGJ"))
                .header("Idempotency-Key", key).json(body).send();
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("licenseId")).isEqualTo(first.json().get("licenseId"));
        assertThat(api().get("/api/v1/licenses").token(Fixtures.citizen(idNumber)).send().json()).hasSize(1);
    }

    private JsonNode verifyToken(String token) {
        Response response = api().post("/api/v1/licenses/verify").json(Map.of("qr", token)).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
