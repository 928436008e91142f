package dev.onewindow.elicense.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.onewindow.platform.personal.ResidentIdNumber;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.JsonSchema;
import dev.onewindow.platform.testkit.TokenMinter;
import dev.onewindow.platform.testkit.TopicReader;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens, holders and licence faces for the integration tests, and the few calls they all make. */
public final class Fixtures {

    public static final String LICENSE_TOPIC = "e-license.license.events.v1";

    private Fixtures() {
    }

    /** A fresh, valid resident ID number (unique enough that tests never share a holder). */
    public static String newIdNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = "341302" + (1960 + random.nextInt(40)) + String.format("%02d%02d", 1 + random.nextInt(12),
                1 + random.nextInt(28)) + String.format("%03d", random.nextInt(1000));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    public static String citizen(String idNumber) {
        return TokenMinter.shared().user("citizen-" + idNumber.substring(14), "citizen").idNumber(idNumber).mint();
    }

    /** Staff of a department ({@code region} 341300). */
    public static String staff(String username, String dept, String... roles) {
        return TokenMinter.shared().user(username, roles).dept(dept).region("341300").mint();
    }

    /** Staff of a department in another region (e.g. the district bureau YQSCJGJ, 341302). */
    public static String districtStaff(String username, String dept, String region, String... roles) {
        return TokenMinter.shared().user(username, roles).dept(dept).region(region).mint();
    }

    public static String approver(String dept) {
        return staff("approver-" + dept.toLowerCase(), dept, "approver");
    }

    public static String client(String clientId, String... roles) {
        return TokenMinter.shared().client(clientId, roles).mint();
    }

    public static Map<String, Object> spjyxkz() {
        return new HashMap<>(Map.of("operatorName", "宿州市示范餐饮有限公司", "uscc", "91341302MA2T4K7B8P",
                "legalRepresentative", "赵强", "premises", "宿州市埇桥区银河一路18号", "mainBusiness", "餐饮服务经营者",
                "businessItems", "热食类食品制售"));
    }

    public static Map<String, Object> jmsfz(String idNumber) {
        return new HashMap<>(Map.of("name", "张伟", "sex", "男", "ethnicity", "汉", "birthDate", "1990-03-07",
                "address", "安徽省宿州市埇桥区人民路1号", "idNumber", idNumber));
    }

    /** Issues through the API as the type's department would; returns the licence record (201). */
    public static JsonNode issue(ApiClient api, String token, String typeCode, String holderIdNumber,
            Map<String, Object> fields) {
        ApiClient.Response response = api.post("/api/v1/licenses").token(token).json(Map.of("typeCode", typeCode,
                "holder", Map.of("idNumber", holderIdNumber), "fields", fields)).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    public static JsonNode verify(ApiClient api, String licenseId) {
        ApiClient.Response response = api.get("/api/v1/licenses/verify/" + licenseId).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** The licence's distinct events on the licence topic, in order, waiting for at least {@code count}. */
    public static List<JsonNode> events(String licenseId, int count) {
        try (TopicReader topic = TopicReader.fromBeginning(LICENSE_TOPIC)) {
            return topic.awaitEvents(licenseId, count, Duration.ofSeconds(30));
        }
    }

    /** Asserts that an event envelope's data matches its type's schema. */
    public static void assertMatchesContract(JsonNode event) {
        String type = event.get("type").asString();
        assertThat(JsonSchema.forEvent(type).violations(event.get("data")))
                .as(type + " " + event.get("data")).isEmpty();
        assertThat(event.get("source").asString()).isEqualTo("e-license");
        assertThat(event.get("aggregateType").asString()).isEqualTo("license");
    }
}
