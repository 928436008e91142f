package dev.onewindow.elicense;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.onewindow.elicense.license.RecordBackfills;
import dev.onewindow.elicense.support.AdjustableClock;
import dev.onewindow.elicense.support.Fixtures;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TokenMinter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The holder's control: their own licences only, authorization codes that a department redeems once before they
 * expire, disclosure limited to the chosen fields, and every read shown back to the holder and published.
 */
@IntegrationTest
class HolderControlIT {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    RecordBackfills backfills;

    private final String officer = Fixtures.staff("officer1", "SCJGJ", "window-officer");

    private ApiClient api() {
        return ApiClient.localPort(port);
    }

    @Test
    void aHolderSeesTheirOwnLicencesAndAnotherCitizensLicenceIsNotFound() {
        String mine = Fixtures.newIdNumber();
        String theirs = Fixtures.newIdNumber();
        String myLicence = Fixtures.issue(api(), Fixtures.approver("GAJ"), "JMSFZ", mine, Fixtures.jmsfz(mine))
                .get("licenseId").asString();
        String theirLicence = Fixtures.issue(api(), Fixtures.approver("GAJ"), "JMSFZ", theirs,
                Fixtures.jmsfz(theirs)).get("licenseId").asString();
        String me = Fixtures.citizen(mine);

        JsonNode list = api().get("/api/v1/licenses").token(me).send().json();
        assertThat(list.valueStream().map(l -> l.get("licenseId").asString())).containsExactly(myLicence);
        assertThat(list.get(0).get("fields").isNull()).as("the list shows no faces").isTrue();

        JsonNode own = api().get("/api/v1/licenses/" + myLicence).token(me).send().json();
        assertThat(own.get("fields").get("idNumber").asString()).isEqualTo(mine);
        assertThat(own.get("qrToken").asString()).isNotBlank();

        Response other = api().get("/api/v1/licenses/" + theirLicence).token(me).send();
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(other.rawBody()).doesNotContain(theirs);

        // nor can they authorize its use
        Response authorize = api().post("/api/v1/licenses/authorizations").token(me).json(Map.of(
                "departmentCode", "SCJGJ", "purpose", "case application", "licenseIds", List.of(theirLicence)))
                .send();
        assertThat(authorize.status()).isEqualTo(404);
    }

    @Test
    void theDemoCitizensAndEnterpriseHoldTheirDemoLicences() {
        JsonNode citizen1 = api().get("/api/v1/licenses").token(TokenMinter.shared().user("citizen1", "citizen")
                .idNumber("341302199003071234").mint()).send().json();
        assertThat(citizen1.valueStream().map(l -> l.get("typeCode").asString())).contains("JMSFZ");
        JsonNode enterprise1 = api().get("/api/v1/licenses").token(TokenMinter.shared()
                .user("enterprise1", "enterprise").idNumber("341302198504123579").uscc("91341302MA2T4K7B8P").mint())
                .send().json();
        assertThat(enterprise1.valueStream().map(l -> l.get("typeCode").asString())).contains("YYZZ");
    }

    @Test
    void anAuthorizationIsRedeemedOnceShowingOnlyTheChosenFieldsAndTheReadIsRecorded() {
        String idNumber = Fixtures.newIdNumber();
        String licence = Fixtures.issue(api(), Fixtures.approver("GAJ"), "JMSFZ", idNumber, Fixtures.jmsfz(idNumber))
                .get("licenseId").asString();
        String holder = Fixtures.citizen(idNumber);

        Response created = api().post("/api/v1/licenses/authorizations").token(holder).json(Map.of(
                "departmentCode", "SCJGJ", "purpose", "食品经营许可申请", "licenseIds", List.of(licence),
                "fields", List.of("name", "birthDate"))).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String code = created.json().get("code").asString();
        assertThat(code.length()).isGreaterThanOrEqualTo(22); // ≥ 128 bits, base64url
        Instant expiresAt = Instant.parse(created.json().get("expiresAt").asString());
        assertThat(Duration.between(Instant.now(), expiresAt)).isBetween(Duration.ofMinutes(9),
                Duration.ofMinutes(11).plus(Duration.ofHours(1)));
        assertThat(created.json().get("licenseIds").get(0).asString()).isEqualTo(licence);

        Response redeemed = redeem(officer, code, "SCJGJ", "3413002026030200000077");
        assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(200);
        JsonNode read = redeemed.json().get("licenses").get(0);
        assertThat(read.get("licenseId").asString()).isEqualTo(licence);
        assertThat(read.get("typeCode").asString()).isEqualTo("JMSFZ");
        assertThat(read.get("status").asString()).isEqualTo("VALID");
        assertThat(read.get("signatureValid").asBoolean()).isTrue();
        assertThat(read.get("holderRef").asString()).hasSize(64);
        assertThat(read.get("validUntil").asString()).isNotBlank();
        assertThat(read.get("fields").propertyNames()).containsExactlyInAnyOrder("name", "birthDate");
        assertThat(read.get("fields").get("name").asString()).isEqualTo("张伟");
        assertThat(redeemed.rawBody()).doesNotContain(idNumber);

        Response again = redeem(officer, code, "SCJGJ", "3413002026030200000077");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("AUTHORIZATION_USED");

        // 用证记录: the holder sees who read what, and a license.used event says so without values
        JsonNode usage = api().get("/api/v1/licenses/usage").token(holder).send().json();
        assertThat(usage).hasSize(1);
        assertThat(usage.get(0).get("licenseId").asString()).isEqualTo(licence);
        assertThat(usage.get(0).get("usedByDepartment").asString()).isEqualTo("SCJGJ");
        assertThat(usage.get(0).get("reader").asString()).isEqualTo("officer1");
        assertThat(usage.get(0).get("caseRef").asString()).isEqualTo("3413002026030200000077");
        assertThat(usage.get(0).get("purpose").asString()).isEqualTo("食品经营许可申请");
        assertThat(usage.get(0).get("disclosedFields").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("name", "birthDate");

        JsonNode used = Fixtures.events(licence, 2).get(1);
        assertThat(used.get("type").asString()).isEqualTo("license.used");
        Fixtures.assertMatchesContract(used);
        assertThat(used.get("data").get("usedByDepartment").asString()).isEqualTo("SCJGJ");
        assertThat(used.toString()).doesNotContain("张伟", idNumber);
    }

    /**
     * 个人信息保护法: a department reads a personal field in full only when the holder chose that field. "Every field"
     * shows the non-personal fields as they are and the personal ones masked (the platform's masking: 张*,
     * 341302********1234, ***); the holder's usage records say which fields the department read in full.
     */
    @Test
    void personalFieldsAreMaskedUnlessTheHolderChoseThemAndTheUsageRecordsSayWhichWereReadInFull() {
        String idNumber = Fixtures.newIdNumber();
        String idCard = Fixtures.issue(api(), Fixtures.approver("GAJ"), "JMSFZ", idNumber, Fixtures.jmsfz(idNumber))
                .get("licenseId").asString();
        String foodLicence = Fixtures.issue(api(), Fixtures.approver("SCJGJ"), "SPJYXKZ", idNumber,
                Fixtures.spjyxkz()).get("licenseId").asString();
        String holder = Fixtures.citizen(idNumber);

        // no field chosen: every field, the personal ones masked
        Response created = api().post("/api/v1/licenses/authorizations").token(holder).json(Map.of(
                "departmentCode", "SCJGJ", "purpose", "核验", "licenseIds", List.of(idCard, foodLicence))).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response everything = redeem(officer, created.json().get("code").asString(), "SCJGJ", "case-masked");
        assertThat(everything.status()).as(everything.toString()).isEqualTo(200);
        JsonNode card = licence(everything, idCard);
        assertThat(card.get("fields").get("name").asString()).isEqualTo("张*");
        assertThat(card.get("fields").get("idNumber").asString())
                .isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
        assertThat(card.get("fields").get("address").asString()).isEqualTo("***");
        assertThat(card.get("fields").get("birthDate").asString()).isEqualTo("***");
        assertThat(card.get("fields").get("sex").asString()).isEqualTo("***");
        assertThat(card.get("maskedFields").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(
                "name", "sex", "ethnicity", "birthDate", "address", "idNumber");
        JsonNode food = licence(everything, foodLicence);
        assertThat(food.get("fields").get("legalRepresentative").asString()).isEqualTo("赵*");
        assertThat(food.get("fields").get("operatorName").asString()).isEqualTo("宿州市示范餐饮有限公司");
        assertThat(food.get("maskedFields").valueStream().map(JsonNode::asString))
                .containsExactly("legalRepresentative");
        assertThat(everything.rawBody()).doesNotContain(idNumber, "张伟", "人民路", "1990-03-07", "赵强");

        // chosen fields: exactly those, in full
        Response chosen = api().post("/api/v1/licenses/authorizations").token(holder).json(Map.of(
                "departmentCode", "SCJGJ", "purpose", "核验", "licenseIds", List.of(idCard),
                "fields", List.of("name", "idNumber"))).send();
        Response named = redeem(officer, chosen.json().get("code").asString(), "SCJGJ", "case-chosen");
        assertThat(named.status()).as(named.toString()).isEqualTo(200);
        JsonNode shown = licence(named, idCard);
        assertThat(shown.get("fields").get("name").asString()).isEqualTo("张伟");
        assertThat(shown.get("fields").get("idNumber").asString()).isEqualTo(idNumber);
        assertThat(shown.get("fields").propertyNames()).containsExactlyInAnyOrder("name", "idNumber");
        assertThat(shown.get("maskedFields")).isEmpty();

        // 用证记录: which fields each read disclosed, and which of them in full
        JsonNode usage = api().get("/api/v1/licenses/usage").token(holder).send().json();
        assertThat(usage).hasSize(3);
        assertThat(inFull(usage, "case-masked", idCard)).isEmpty();
        assertThat(inFull(usage, "case-masked", foodLicence)).containsExactlyInAnyOrder("operatorName", "uscc",
                "premises", "mainBusiness", "businessItems");
        assertThat(inFull(usage, "case-chosen", idCard)).containsExactlyInAnyOrder("name", "idNumber");
        // and license.used says the same, by name only
        JsonNode used = Fixtures.events(idCard, 3).get(2);
        assertThat(used.get("type").asString()).isEqualTo("license.used");
        Fixtures.assertMatchesContract(used);
        assertThat(used.get("data").get("disclosedInFull").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("name", "idNumber");
    }

    /**
     * Authorizations and usage records carry a region like every other record (regional queries, sharding) and show
     * it: an authorization its department's (the local profile lists the suite's departments), or the licences' for
     * a department e-license does not know; a usage record its licence's issuing region, whoever reads it.
     */
    @Test
    void authorizationsAndUsageRecordsCarryTheirRegion() {
        String idNumber = Fixtures.newIdNumber();
        String cityLicence = Fixtures.issue(api(), Fixtures.approver("GAJ"), "JMSFZ", idNumber,
                Fixtures.jmsfz(idNumber)).get("licenseId").asString();
        String districtLicence = Fixtures.issue(api(), Fixtures.districtStaff("approver-yq", "YQSCJGJ", "341302",
                "approver"), "SPJYXKZ", idNumber, Fixtures.spjyxkz()).get("licenseId").asString();
        assertThat(cityLicence).contains("341300");
        assertThat(districtLicence).contains("341302");
        String holder = Fixtures.citizen(idNumber);

        JsonNode forDistrict = created(holder, "YQSCJGJ", List.of(cityLicence));
        assertThat(forDistrict.get("region").asString()).as("the department's region").isEqualTo("341302");
        assertThat(created(holder, "SCJGJ", List.of(districtLicence)).get("region").asString()).isEqualTo("341300");
        // a department e-license does not know: the licences' region, or the city covering both
        assertThat(created(holder, "HBWJW", List.of(districtLicence)).get("region").asString()).isEqualTo("341302");
        assertThat(created(holder, "HBWJW", List.of(cityLicence, districtLicence)).get("region").asString())
                .isEqualTo("341300");
        assertThat(mongo.find(Query.query(Criteria.where("departmentCode").is("YQSCJGJ").and("region").is("341302")
                .and("licenseIds").is(cityLicence)), org.bson.Document.class, "authorizations")).hasSize(1);

        // usage records: the licence's issuing region, whoever reads it
        String districtOfficer = Fixtures.districtStaff("officer-yq", "YQSCJGJ", "341302", "window-officer");
        assertThat(redeem(districtOfficer, forDistrict.get("code").asString(), "YQSCJGJ", "case-r1").status())
                .isEqualTo(200);
        String forCity = created(holder, "SCJGJ", List.of(districtLicence)).get("code").asString();
        assertThat(redeem(officer, forCity, "SCJGJ", "case-r2").status()).isEqualTo(200);
        JsonNode usage = api().get("/api/v1/licenses/usage").token(holder).send().json();
        assertThat(usage.valueStream().map(u -> u.get("caseRef").asString() + ":" + u.get("region").asString()))
                .containsExactlyInAnyOrder("case-r1:341300", "case-r2:341302");

        // the regional indexes exist, and a record from before regions is given its licence's region
        assertThat(indexes("license_usage")).contains("region_at");
        assertThat(indexes("authorizations")).contains("region_created");
        mongo.getCollection("license_usage").insertOne(new org.bson.Document("_id", "legacy-" + idNumber)
                .append("holderRef", "ab".repeat(32)).append("licenseId", districtLicence)
                .append("usedByDepartment", "SCJGJ").append("disclosedFields", List.of()));
        assertThat(backfills.usageRegions()).isGreaterThanOrEqualTo(1);
        assertThat(mongo.getCollection("license_usage").find(new org.bson.Document("_id", "legacy-" + idNumber))
                .first().getString("region")).isEqualTo("341302");
    }

    private JsonNode created(String holder, String department, List<String> licences) {
        Response created = api().post("/api/v1/licenses/authorizations").token(holder).json(Map.of(
                "departmentCode", department, "purpose", "核验", "licenseIds", licences)).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private List<String> indexes(String collection) {
        List<String> names = new java.util.ArrayList<>();
        mongo.getCollection(collection).listIndexes().forEach(i -> names.add(i.getString("name")));
        return names;
    }

    private static JsonNode licence(Response redeemed, String licenseId) {
        return redeemed.json().get("licenses").valueStream()
                .filter(l -> l.get("licenseId").asString().equals(licenseId)).findFirst().orElseThrow();
    }

    private static List<String> inFull(JsonNode usage, String caseRef, String licenseId) {
        return usage.valueStream().filter(u -> u.get("caseRef").asString().equals(caseRef)
                        && u.get("licenseId").asString().equals(licenseId)).findFirst().orElseThrow()
                .get("disclosedInFull").valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void anAuthorizationExpires() {
        String idNumber = Fixtures.newIdNumber();
        String licence = Fixtures.issue(api(), Fixtures.approver("GAJ"), "JMSFZ", idNumber, Fixtures.jmsfz(idNumber))
                .get("licenseId").asString();
        String code = authorize(Fixtures.citizen(idNumber), "SCJGJ", licence);

        AdjustableClock.INSTANCE.advance(Duration.ofMinutes(11));

        Response expired = redeem(officer, code, "SCJGJ", null);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.json().get("code").asString()).isEqualTo("AUTHORIZATION_EXPIRED");
        assertThat(api().get("/api/v1/licenses/usage").token(Fixtures.citizen(idNumber)).send().json()).isEmpty();
    }

    @Test
    void onlyTheNamedDepartmentOrATrustedServiceActingForItRedeems() {
        String idNumber = Fixtures.newIdNumber();
        String licence = Fixtures.issue(api(), Fixtures.approver("GAJ"), "JMSFZ", idNumber, Fixtures.jmsfz(idNumber))
                .get("licenseId").asString();
        String holder = Fixtures.citizen(idNumber);
        String code = authorize(holder, "SCJGJ", licence);
        String gajOfficer = Fixtures.staff("officer3", "GAJ", "window-officer");

        // staff of another department: not for them (404), and they cannot act for SCJGJ (403)
        assertThat(redeem(gajOfficer, code, "GAJ", null).status()).isEqualTo(404);
        assertThat(redeem(gajOfficer, code, "SCJGJ", null).status()).isEqualTo(403);
        assertThat(redeem(Fixtures.client("partner-demo", "partner"), code, "SCJGJ", null).status()).isEqualTo(403);
        assertThat(redeem(holder, code, "SCJGJ", null).status()).isEqualTo(403);
        assertThat(redeem(officer, "unknown-code", "SCJGJ", null).status()).isEqualTo(404);

        // none of that used it up: case-handling, acting for SCJGJ, redeems it; no field list means every field
        Response service = redeem(Fixtures.client("case-handling"), code, "SCJGJ", "case-42");
        assertThat(service.status()).as(service.toString()).isEqualTo(200);
        assertThat(service.json().get("licenses").get(0).get("fields").propertyNames()).contains("name", "idNumber",
                "address");
        assertThat(api().get("/api/v1/licenses/usage").token(holder).send().json().get(0).get("reader").asString())
                .isEqualTo("service-account-case-handling");
    }

    @Test
    void anAuthorizationForACaseOnlyServesThatCaseAndItsRequestIsChecked() {
        String idNumber = Fixtures.newIdNumber();
        String licence = Fixtures.issue(api(), Fixtures.approver("GAJ"), "JMSFZ", idNumber, Fixtures.jmsfz(idNumber))
                .get("licenseId").asString();
        String holder = Fixtures.citizen(idNumber);
        Response created = api().post("/api/v1/licenses/authorizations").token(holder).json(Map.of(
                "departmentCode", "SCJGJ", "caseRef", "case-7", "purpose", "p", "licenseIds", List.of(licence)))
                .send();
        String code = created.json().get("code").asString();
        assertThat(redeem(officer, code, "SCJGJ", "case-8").status()).isEqualTo(404);
        assertThat(redeem(officer, code, "SCJGJ", "case-7").status()).isEqualTo(200);

        Response unknownField = api().post("/api/v1/licenses/authorizations").token(holder).json(Map.of(
                "departmentCode", "SCJGJ", "purpose", "p", "licenseIds", List.of(licence), "fields",
                List.of("salary"))).send();
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("code").asString()).isEqualTo("UNKNOWN_LICENSE_FIELD");
        Response officerCreates = api().post("/api/v1/licenses/authorizations").token(officer).json(Map.of(
                "departmentCode", "SCJGJ", "purpose", "p", "licenseIds", List.of(licence))).send();
        assertThat(officerCreates.status()).isEqualTo(403);
        Response unknownMember = api().post("/api/v1/licenses/authorizations").token(holder).json(Map.of(
                "departmentCode", "SCJGJ", "purpose", "p", "licenseIds", List.of(licence), "validity", "1d"))
                .send();
        assertThat(unknownMember.status()).isEqualTo(400);
        assertThat(unknownMember.json().get("code").asString()).isEqualTo("UNKNOWN_FIELD");
    }

    private String authorize(String holder, String department, String licence) {
        Response created = api().post("/api/v1/licenses/authorizations").token(holder).json(Map.of(
                "departmentCode", department, "purpose", "case application", "licenseIds", List.of(licence)))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("code").asString();
    }

    private Response redeem(String token, String code, String department, String caseRef) {
        Map<String, Object> body = caseRef == null ? Map.of("departmentCode", department)
                : Map.of("departmentCode", department, "caseRef", caseRef);
        return api().post("/api/v1/licenses/authorizations/" + code + "/redeem").token(token).json(body).send();
    }
}
