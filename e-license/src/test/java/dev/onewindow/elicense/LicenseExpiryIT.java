package dev.onewindow.elicense;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.onewindow.elicense.license.ExpirySweep;
import dev.onewindow.elicense.license.RecordBackfills;
import dev.onewindow.elicense.support.AdjustableClock;
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
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expiry is visible offline and announced: the QR token carries its {@code exp} (the end of the licence's last valid
 * day, or a day after it was handed out if that is earlier) and the licence's status-list index, which an offline
 * verifier checks with nothing but the published keys and status lists; a licence whose validity ended is announced
 * as {@code license.expired} exactly once by the expiry sweep, and reads {@code EXPIRED}.
 */
@IntegrationTest
class LicenseExpiryIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ExpirySweep sweep;
    @Autowired
    RecordBackfills backfills;
    @Autowired
    MongoTemplate mongo;

    private ApiClient api() {
        return ApiClient.localPort(port);
    }

    /** The service's today (its clock is the tests' adjustable one), Asia/Shanghai. */
    private static LocalDate today() {
        return LocalDate.ofInstant(AdjustableClock.INSTANCE.instant(), SHANGHAI);
    }

    @Test
    void aLicenceValidUntilYesterdayIsAnnouncedExpiredExactlyOnceAndReadsExpired() {
        String idNumber = Fixtures.newIdNumber();
        // 居住证 is valid for a year: from a year before today it was valid until yesterday
        JsonNode issued = issueJzz(idNumber, today().minusYears(1));
        String id = issued.get("licenseId").asString();
        assertThat(issued.get("validUntil").asString()).isEqualTo(today().minusDays(1).toString());

        sweep.sweep();
        List<JsonNode> events = Fixtures.events(id, 2);
        JsonNode expired = events.get(1);
        assertThat(expired.get("type").asString()).isEqualTo("license.expired");
        Fixtures.assertMatchesContract(expired);
        assertThat(expired.get("data").get("validUntil").asString()).isEqualTo(today().minusDays(1).toString());
        assertThat(expired.get("region").asString()).isEqualTo("341300");
        assertThat(expired.toString()).doesNotContain(idNumber, "张伟", "淮海路");

        // a second sweep announces nothing more
        sweep.sweep();
        Document stored = mongo.getCollection("licenses").find(new Document("_id", id)).first();
        assertThat(stored.get("nextExpiryAt")).as("out of the sweep's index").isNull();
        assertThat(stored.get("expiryAnnouncedAt")).isNotNull();
        assertThat(stored.getList("outbox", Document.class)).isEmpty();

        String holder = Fixtures.citizen(idNumber);
        JsonNode read = api().get("/api/v1/licenses/" + id).token(holder).send().json();
        assertThat(read.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(Fixtures.verify(api(), id).get("status").asString()).isEqualTo("EXPIRED");

        // its QR token expired with it: offline and online
        String qr = read.get("qrToken").asString();
        assertThat(claims(qr).get("exp").asLong()).isEqualTo(today().atStartOfDay(SHANGHAI).toEpochSecond());
        assertThat(new OfflineVerifier(keys()).verify(qr)).isNull();
        Response online = api().post("/api/v1/licenses/verify").json(Map.of("qr", qr)).send();
        assertThat(online.status()).as(online.toString()).isEqualTo(410);
        assertThat(online.json().get("code").asString()).isEqualTo("QR_TOKEN_EXPIRED");

        // whatever the licence does next follows on the topic, and still only one license.expired precedes it
        assertThat(api().post("/api/v1/licenses/" + id + "/revoke").token(Fixtures.approver("GAJ")).send().status())
                .isEqualTo(200);
        assertThat(Fixtures.events(id, 3).stream().map(e -> e.get("type").asString()))
                .containsExactly("license.issued", "license.expired", "license.revoked");
    }

    @Test
    void theQrTokenCarriesItsExpiryAndStatusListIndexWhichAnOfflineVerifierChecks() {
        String idNumber = Fixtures.newIdNumber();
        String holder = Fixtures.citizen(idNumber);
        // valid for five more years: the token's own validity (a day) ends first
        String food = Fixtures.issue(api(), Fixtures.approver("SCJGJ"), "SPJYXKZ", idNumber, Fixtures.spjyxkz())
                .get("licenseId").asString();
        JsonNode read = api().get("/api/v1/licenses/" + food).token(holder).send().json();
        String qr = read.get("qrToken").asString();
        JsonNode claims = claims(qr);
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(86_400);
        assertThat(claims.get("iat").asLong()).isCloseTo(AdjustableClock.INSTANCE.instant().getEpochSecond(),
                org.assertj.core.data.Offset.offset(60L));
        assertThat(claims.get("iss").asString()).isEqualTo("SCJGJ");
        assertThat(claims.get("sli").asLong()).isEqualTo(read.get("statusListIndex").asLong());

        // valid until today: the token ends with the licence, at midnight Asia/Shanghai
        JsonNode lastDay = issueJzz(idNumber, today().minusYears(1).plusDays(1));
        assertThat(lastDay.get("validUntil").asString()).isEqualTo(today().toString());
        String lastDayQr = api().get("/api/v1/licenses/" + lastDay.get("licenseId").asString()).token(holder).send()
                .json().get("qrToken").asString();
        long midnight = today().plusDays(1).atStartOfDay(SHANGHAI).toEpochSecond();
        assertThat(claims(lastDayQr).get("exp").asLong()).isEqualTo(midnight);

        // offline: the published keys check the signature and exp, the issuer's status list the status
        OfflineVerifier verifier = new OfflineVerifier(keys());
        JsonNode payload = verifier.verify(qr);
        assertThat(payload).isNotNull();
        assertThat(verifier.verify(lastDayQr, java.time.Instant.ofEpochSecond(midnight - 1))).isNotNull();
        assertThat(verifier.verify(lastDayQr, java.time.Instant.ofEpochSecond(midnight))).isNull();
        assertThat(verifier.verify(qr, java.time.Instant.ofEpochSecond(payload.get("exp").asLong()))).isNull();
        assertThat(verifier.statusBitSet(payload, revocationList("SCJGJ"))).isFalse();
        assertThat(api().post("/api/v1/licenses/" + food + "/revoke").token(Fixtures.approver("SCJGJ")).send()
                .status()).isEqualTo(200);
        assertThat(verifier.statusBitSet(payload, revocationList("SCJGJ"))).as("revoked, seen offline").isTrue();
    }

    @Test
    void aLicenceStoredBeforeTheExpiryIndexIsAnnouncedToo() {
        String idNumber = Fixtures.newIdNumber();
        String id = issueJzz(idNumber, today().minusYears(2)).get("licenseId").asString();
        // as stored before licences had a next expiry instant
        mongo.getCollection("licenses").updateOne(new Document("_id", id),
                new Document("$unset", new Document("nextExpiryAt", "")));

        assertThat(backfills.expiryIndex()).isGreaterThanOrEqualTo(1);
        sweep.sweep();
        assertThat(Fixtures.events(id, 2).get(1).get("type").asString()).isEqualTo("license.expired");
    }

    private JsonNode issueJzz(String idNumber, LocalDate validFrom) {
        Response response = api().post("/api/v1/licenses").token(Fixtures.approver("GAJ")).json(Map.of(
                "typeCode", "JZZ", "validFrom", validFrom.toString(), "holder", Map.of("idNumber", idNumber),
                "fields", Map.of("name", "张伟", "sex", "男", "residenceAddress", "宿州市埇桥区淮海路8号"))).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private String keys() {
        return api().get("/api/v1/licenses/keys").send().rawBody();
    }

    private JsonNode revocationList(String issuer) {
        return api().get("/api/v1/licenses/status-lists/" + issuer + "?statusPurpose=revocation").send().json();
    }

    private static JsonNode claims(String token) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
    }
}
