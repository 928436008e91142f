package dev.onewindow.catalog.entry;

import java.util.List;
import java.util.Map;

import dev.onewindow.catalog.Fixtures;
import dev.onewindow.catalog.CatalogApiTest;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static dev.onewindow.catalog.Fixtures.CATALOG_ADMIN;
import static dev.onewindow.catalog.Fixtures.SCJGJ_REVIEWER;
import static dev.onewindow.catalog.Fixtures.assertProblem;
import static dev.onewindow.catalog.Fixtures.draft;
import static dev.onewindow.catalog.Fixtures.item;
import static dev.onewindow.catalog.Fixtures.material;
import static dev.onewindow.catalog.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A city that reviews its catalogue by another process turns review before publication off
 * ({@code onewindow.catalog.review-before-publication=false}): a catalog admin publishes a draft directly, their own
 * too, and nobody else publishes. (A context of its own: its setting differs from every other test's.)
 */
@IntegrationTest
@TestPropertySource(properties = "onewindow.catalog.review-before-publication=false")
class ReviewOffIT extends CatalogApiTest {


    @Test
    void aCatalogAdminPublishesTheirOwnDraftDirectly() {
        Response created = api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(draft(item(api(), "XK", "无审核发布测试", List.of()), "SCJGJ", "无审核发布测试")).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String code = created.json().get("implementationCode").asString();
        assertProblem(api().post("/api/v1/catalog/entries/" + code + "/publish").token(SCJGJ_REVIEWER).send(), 403,
                "FORBIDDEN");
        Response published = api().post("/api/v1/catalog/entries/" + code + "/publish").token(CATALOG_ADMIN).send();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        JsonNode history = published.json().get("history");
        assertThat(history.get("publishedBy").asString()).isEqualTo("catalogadmin1");
        assertThat(history.get("reviewedBy").isNull()).as("nobody reviewed it here").isTrue();

        String other = Fixtures.published(api(), with(draft(item(api(), "QR", "无审核一件事", List.of()), "GAJ",
                "无审核一件事"), "materials", List.of(material("M01", "居民户口簿", true, List.of("JMHKB")))));
        String bundle = "N" + Fixtures.newBasicCode("CS").substring(2);
        assertThat(api().post("/api/v1/catalog/bundles").token(CATALOG_ADMIN).json(Map.of("code", bundle, "name",
                "无审核一件事", "leadDepartment", "GAJ", "members", List.of(code, other))).send().status())
                .isEqualTo(201);
        Response bundlePublished = api().post("/api/v1/catalog/bundles/" + bundle + "/publish").token(CATALOG_ADMIN)
                .send();
        assertThat(bundlePublished.status()).as(bundlePublished.toString()).isEqualTo(200);
        assertThat(bundlePublished.json().get("history").get("publishedBy").asString()).isEqualTo("catalogadmin1");
    }
}
