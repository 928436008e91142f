package dev.onewindow.catalog.bundle;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.onewindow.catalog.Fixtures;
import dev.onewindow.platform.testkit.JsonSchema;
import dev.onewindow.catalog.CatalogApiTest;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.onewindow.catalog.Fixtures.CATALOG_ADMIN;
import static dev.onewindow.catalog.Fixtures.CATALOG_ADMIN_2;
import static dev.onewindow.catalog.Fixtures.SCJGJ_ADMIN;
import static dev.onewindow.catalog.Fixtures.assertProblem;
import static dev.onewindow.catalog.Fixtures.draft;
import static dev.onewindow.catalog.Fixtures.item;
import static dev.onewindow.catalog.Fixtures.material;
import static dev.onewindow.catalog.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bundles (一件事) over HTTP: role rules, publication of published members only, merged materials, the event. */
@IntegrationTest
class BundleIT extends CatalogApiTest {


    @Test
    void aBundleOfPublishedEntriesAsksASharedMaterialOnceAndIsAnnounced() {
        String certificate = Fixtures.published(api(), with(draft(item(api(), "GG", "出生医学证明签发", List.of("出生")),
                "WSJKW", "出生医学证明签发"), "materials", List.of(
                        material("M01", "母亲居民身份证", true, List.of("JMSFZ")),
                        Map.of("code", "M02", "name", "结婚证", "required", false, "condition", "父母已登记结婚的提交",
                                "originals", 0, "copies", 1, "acceptedLicenseTypes", List.of("JHZ")))));
        String registration = Fixtures.published(api(), with(draft(item(api(), "QR", "出生登记", List.of("出生")),
                "GAJ", "出生登记"), "materials", List.of(
                        material("M01", "出生医学证明", true, List.of("CSYXZM")),
                        material("M02", "居民户口簿", true, List.of("JMHKB")))));
        Map<String, Object> cardDraft = with(draft(item(api(), "GG", "社会保障卡申领", List.of("出生")), "RSJ",
                "社会保障卡申领"), "materials", List.of(material("M01", "居民户口簿", true, List.of("JMHKB")),
                        material("M02", " 出生医学证明", true, List.of("CSYXZM", "JMHKB"))));
        Response cardCreated = api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN).json(cardDraft).send();
        String card = cardCreated.json().get("implementationCode").asString();
        String code = "T" + Fixtures.newBasicCode("CS").substring(2);
        Map<String, Object> bundle = Map.of("code", code, "name", "出生一件事", "description", "一次申请，并联办理",
                "leadDepartment", "WSJKW", "members", List.of(certificate, registration, card));

        assertProblem(api().post("/api/v1/catalog/bundles").token(SCJGJ_ADMIN).json(bundle).send(), 403,
                "FORBIDDEN");
        assertProblem(api().post("/api/v1/catalog/bundles").json(bundle).send(), 401, "UNAUTHENTICATED");
        assertProblem(api().post("/api/v1/catalog/bundles").token(CATALOG_ADMIN)
                .json(with(bundle, "leadDepartment", "SCJGJ")).send(), 400, "LEAD_NOT_A_MEMBER");
        assertProblem(api().post("/api/v1/catalog/bundles").token(CATALOG_ADMIN)
                .json(with(bundle, "members", List.of(certificate, "XK123"))).send(), 400, "VALIDATION_FAILED");
        assertProblem(api().post("/api/v1/catalog/bundles").token(CATALOG_ADMIN)
                .json(with(bundle, "members", List.of(certificate, certificate))).send(), 400, "DUPLICATE_MEMBER");
        Response created = api().post("/api/v1/catalog/bundles").token(CATALOG_ADMIN).json(bundle).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
        assertProblem(api().post("/api/v1/catalog/bundles").token(CATALOG_ADMIN).json(bundle).send(), 409,
                "BUNDLE_EXISTS");
        // a draft bundle is not public
        assertProblem(api().get("/api/v1/catalog/bundles/" + code).send(), 404, "NOT_FOUND");
        assertThat(api().get("/api/v1/catalog/bundles/" + code).token(CATALOG_ADMIN).send().status()).isEqualTo(200);

        // one member is still a draft: the bundle, submitted for review, cannot be published
        assertThat(api().post("/api/v1/catalog/bundles/" + code + "/submit").token(CATALOG_ADMIN).send().status())
                .isEqualTo(200);
        Response notYet = api().post("/api/v1/catalog/bundles/" + code + "/publish").token(CATALOG_ADMIN_2).send();
        assertProblem(notYet, 409, "MEMBER_NOT_PUBLISHED");
        assertThat(notYet.json().get("members").values()).extracting(JsonNode::asString).containsExactly(card);
        Fixtures.publish(api(), card);
        assertProblem(api().post("/api/v1/catalog/bundles/" + code + "/publish").token(SCJGJ_ADMIN).send(), 403,
                "FORBIDDEN");
        Response published = api().post("/api/v1/catalog/bundles/" + code + "/publish").token(CATALOG_ADMIN_2)
                .send();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);

        JsonNode read = api().get("/api/v1/catalog/bundles/" + code).send().json();
        assertThat(read.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(read.get("leadDepartment").asString()).isEqualTo("WSJKW");
        assertThat(read.get("members").values()).extracting(m -> m.get("implementationCode").asString() + "@"
                + m.get("version").asInt()).containsExactly(certificate + "@1", registration + "@1", card + "@1");
        List<JsonNode> materials = List.copyOf(read.get("materials").values());
        assertThat(materials).extracting(m -> m.get("name").asString())
                .containsExactly("母亲居民身份证", "结婚证", "出生医学证明", "居民户口簿");
        JsonNode birth = materials.get(2);
        assertThat(birth.get("requiredBy").values()).extracting(r -> r.get("implementationCode").asString())
                .containsExactly(registration, card);
        assertThat(birth.get("acceptedLicenseTypes").values()).extracting(JsonNode::asString)
                .containsExactly("CSYXZM");
        assertThat(materials.get(3).get("requiredBy").size()).isEqualTo(2);
        assertThat(api().get("/api/v1/catalog/bundles?size=100").send().json().get("content").values())
                .anyMatch(b -> b.get("code").asString().equals(code));

        try (TopicReader topic = TopicReader.fromBeginning("service-catalog.bundle.events.v1")) {
            JsonNode event = topic.awaitEvents(code, 1, Duration.ofSeconds(30)).get(0);
            assertThat(event.get("type").asString()).isEqualTo("bundle.published");
            assertThat(JsonSchema.forEvent("bundle.published").violations(event)).isEmpty();
            assertThat(event.get("data").get("members").size()).isEqualTo(3);
            assertThat(event.get("data").get("materials").size()).isEqualTo(4);
        }

        // a member is revised: the bundle follows to the new version by itself, and says so
        Map<String, Object> revision = with(draft(null, null, "出生登记（2026版）"), "materials", List.of(
                material("M01", "出生医学证明", true, List.of("CSYXZM")),
                material("M02", "居民户口簿", true, List.of("JMHKB"))));
        assertThat(api().put("/api/v1/catalog/entries/" + registration + "/draft").token(CATALOG_ADMIN)
                .json(revision).send().status()).isEqualTo(200);
        Fixtures.publish(api(), registration);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api().get("/api/v1/catalog/bundles/" + code).send().json().get("members").get(1).get("version")
                        .asInt()).isEqualTo(2));
        try (TopicReader topic = TopicReader.fromBeginning("service-catalog.bundle.events.v1")) {
            List<JsonNode> events = topic.awaitEvents(code, 2, Duration.ofSeconds(30));
            assertThat(events.get(1).get("sequence").asLong()).isEqualTo(2);
            assertThat(events.get(1).get("data").get("members").get(1).get("name").asString())
                    .isEqualTo("出生登记（2026版）");
        }
    }
}
