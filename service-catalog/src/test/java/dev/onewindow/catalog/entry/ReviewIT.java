package dev.onewindow.catalog.entry;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.onewindow.catalog.Fixtures;
import dev.onewindow.catalog.CatalogApiTest;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.onewindow.catalog.Fixtures.AUDITOR;
import static dev.onewindow.catalog.Fixtures.CATALOG_ADMIN;
import static dev.onewindow.catalog.Fixtures.CATALOG_ADMIN_2;
import static dev.onewindow.catalog.Fixtures.GAJ_REVIEWER;
import static dev.onewindow.catalog.Fixtures.SCJGJ_ADMIN;
import static dev.onewindow.catalog.Fixtures.SCJGJ_OFFICER;
import static dev.onewindow.catalog.Fixtures.SCJGJ_REVIEWER;
import static dev.onewindow.catalog.Fixtures.assertProblem;
import static dev.onewindow.catalog.Fixtures.draft;
import static dev.onewindow.catalog.Fixtures.item;
import static dev.onewindow.catalog.Fixtures.material;
import static dev.onewindow.catalog.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review before publication (审核发布) over HTTP with real tokens: an entry version and a bundle are submitted for
 * review and published by a second person — another catalog admin, or a reviewer of the entry's department — never
 * by their author; the reviewer may return them to draft with a comment; the history says who did what, when.
 */
@IntegrationTest
class ReviewIT extends CatalogApiTest {

    private static final String ENTRIES = "/api/v1/catalog/entries/";
    private static final String BUNDLES = "/api/v1/catalog/bundles/";


    @Test
    void aVersionIsSubmittedForReviewAndPublishedByASecondPersonNeverItsAuthor() {
        Map<String, Object> body = draft(item(api(), "XK", "审核发布测试", List.of()), "SCJGJ", "审核发布测试");
        Response created = api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN).json(body).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String code = created.json().get("implementationCode").asString();
        assertThat(created.json().get("history").get("draftedBy").asString()).isEqualTo("catalogadmin1");

        // the author publishing their own draft is refused; a second person needs it submitted first
        assertProblem(api().post(ENTRIES + code + "/publish").token(CATALOG_ADMIN).send(), 403,
                "SAME_PERSON_DRAFT_AND_PUBLISH");
        Response notSubmitted = api().post(ENTRIES + code + "/publish").token(CATALOG_ADMIN_2).send();
        assertProblem(notSubmitted, 409, "NOT_SUBMITTED_FOR_REVIEW");
        assertThat(notSubmitted.json().get("currentState").asString()).isEqualTo("DRAFT");
        assertProblem(api().post(ENTRIES + code + "/return").token(CATALOG_ADMIN_2)
                .json(Map.of("comment", "无可退回")).send(), 409, "ILLEGAL_STATE_TRANSITION");

        // submitted: in review, frozen, still not public
        Response submitted = api().post(ENTRIES + code + "/submit").token(CATALOG_ADMIN).send();
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(submitted.json().get("history").get("submittedBy").asString()).isEqualTo("catalogadmin1");
        Response edit = api().put(ENTRIES + code + "/draft").token(CATALOG_ADMIN).json(body).send();
        assertProblem(edit, 409, "ILLEGAL_STATE_TRANSITION");
        assertThat(edit.json().get("currentState").asString()).isEqualTo("IN_REVIEW");
        assertProblem(api().post(ENTRIES + code + "/submit").token(CATALOG_ADMIN).send(), 409,
                "ILLEGAL_STATE_TRANSITION");
        assertProblem(api().get(ENTRIES + code + "/versions/1").send(), 404, "NOT_FOUND");
        assertThat(api().get(ENTRIES + code + "/versions/1").token(SCJGJ_REVIEWER).send().json().get("status")
                .asString()).isEqualTo("IN_REVIEW");
        // the department's reviewer finds it in their list, waiting for them
        assertThat(api().get("/api/v1/catalog/entries?status=DRAFT&size=100").token(SCJGJ_REVIEWER).send().json()
                .get("content").values()).anyMatch(e -> e.get("implementationCode").asString().equals(code)
                        && e.get("draftStatus").asString().equals("IN_REVIEW"));

        // still never by its author; a reviewer reviews their own department's entries only; an editor is no reviewer
        assertProblem(api().post(ENTRIES + code + "/publish").token(CATALOG_ADMIN).send(), 403,
                "SAME_PERSON_DRAFT_AND_PUBLISH");
        assertProblem(api().post(ENTRIES + code + "/publish").token(GAJ_REVIEWER).send(), 403, "FORBIDDEN");
        assertProblem(api().post(ENTRIES + code + "/return").token(GAJ_REVIEWER)
                .json(Map.of("comment", "x")).send(), 403, "FORBIDDEN");
        assertProblem(api().post(ENTRIES + code + "/return").token(SCJGJ_ADMIN)
                .json(Map.of("comment", "x")).send(), 403, "FORBIDDEN");
        assertProblem(api().post(ENTRIES + code + "/return").token(SCJGJ_REVIEWER)
                .json(Map.of("comment", " ")).send(), 400, "VALIDATION_FAILED");

        // the department's reviewer returns it, saying why
        Response returned = api().post(ENTRIES + code + "/return").token(SCJGJ_REVIEWER)
                .json(Map.of("comment", "材料目录缺少申请书样表，请补充。")).send();
        assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
        assertThat(returned.json().get("status").asString()).isEqualTo("DRAFT");
        JsonNode review = returned.json().get("history");
        assertThat(review.get("reviewedBy").asString()).isEqualTo("reviewer1");
        assertThat(review.get("reviewOutcome").asString()).isEqualTo("RETURNED");
        assertThat(review.get("reviewComment").asString()).isEqualTo("材料目录缺少申请书样表，请补充。");
        assertThat(review.get("reviewedAt").isNull()).isFalse();

        // the department admin completes it (a second author) and submits it; the reviewer publishes it
        assertThat(api().put(ENTRIES + code + "/draft").token(SCJGJ_ADMIN)
                .json(with(body, "name", "审核发布测试（补充样表）")).send().status()).isEqualTo(200);
        assertThat(api().post(ENTRIES + code + "/submit").token(SCJGJ_ADMIN).send().status()).isEqualTo(200);
        assertProblem(api().post(ENTRIES + code + "/publish").token(SCJGJ_ADMIN).send(), 403, "FORBIDDEN");
        Response published = api().post(ENTRIES + code + "/publish").token(SCJGJ_REVIEWER).send();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");

        // who drafted, submitted, reviewed and published it, with the instants: for staff, not for the public
        JsonNode history = api().get(ENTRIES + code + "/versions/1").token(SCJGJ_OFFICER).send().json()
                .get("history");
        assertThat(history.get("editors").values()).extracting(JsonNode::asString)
                .containsExactly("catalogadmin1", "deptadmin1");
        assertThat(history.get("draftedBy").asString()).isEqualTo("deptadmin1");
        assertThat(history.get("submittedBy").asString()).isEqualTo("deptadmin1");
        assertThat(history.get("reviewedBy").asString()).isEqualTo("reviewer1");
        assertThat(history.get("reviewOutcome").asString()).isEqualTo("APPROVED");
        assertThat(history.get("publishedBy").asString()).isEqualTo("reviewer1");
        Instant drafted = Instant.parse(history.get("draftedAt").asString());
        Instant submittedAt = Instant.parse(history.get("submittedAt").asString());
        Instant publishedAt = Instant.parse(history.get("publishedAt").asString());
        assertThat(drafted).isBeforeOrEqualTo(submittedAt);
        assertThat(submittedAt).isBeforeOrEqualTo(publishedAt);
        assertThat(publishedAt).isEqualTo(Instant.parse(published.json().get("publishedAt").asString())
                .truncatedTo(ChronoUnit.MILLIS)); // as stored
        assertThat(api().get(ENTRIES + code + "/versions/1").token(AUDITOR).send().json().get("history")
                .get("publishedBy").asString()).isEqualTo("reviewer1");
        assertThat(api().get(ENTRIES + code).send().json().get("history").isNull()).isTrue();
        assertThat(api().get(ENTRIES + code + "/versions/1").send().json().get("history").isNull()).isTrue();

        // a revision goes the same way: its author (the second admin this time) may not publish it, the first may
        assertThat(api().put(ENTRIES + code + "/draft").token(CATALOG_ADMIN_2)
                .json(with(body, "name", "审核发布测试（2026版）")).send().status()).isEqualTo(200);
        assertThat(api().post(ENTRIES + code + "/submit").token(CATALOG_ADMIN_2).send().status()).isEqualTo(200);
        assertProblem(api().post(ENTRIES + code + "/publish").token(CATALOG_ADMIN_2).send(), 403,
                "SAME_PERSON_DRAFT_AND_PUBLISH");
        assertThat(api().post(ENTRIES + code + "/publish").token(CATALOG_ADMIN).send().status()).isEqualTo(200);
        assertThat(api().get(ENTRIES + code).send().json().get("version").asInt()).isEqualTo(2);

        // submitting and returning are no events; each publication is one
        try (TopicReader topic = TopicReader.fromBeginning("service-catalog.item.events.v1")) {
            List<JsonNode> events = topic.awaitEvents(code, 2, Duration.ofSeconds(30));
            assertThat(events).extracting(e -> e.get("type").asString()).containsExactly("item.published",
                    "item.revised");
        }
    }

    @Test
    void aBundleIsPublishedByASecondCatalogAdminNeverItsAuthor() {
        String certificate = Fixtures.published(api(), with(draft(item(api(), "GG", "审核一件事甲", List.of()),
                "WSJKW", "审核一件事甲"), "materials", List.of(material("M01", "居民户口簿", true, List.of("JMHKB")))));
        String registration = Fixtures.published(api(), with(draft(item(api(), "QR", "审核一件事乙", List.of()),
                "GAJ", "审核一件事乙"), "materials", List.of(material("M01", "居民户口簿", true, List.of("JMHKB")))));
        String code = "R" + Fixtures.newBasicCode("CS").substring(2);
        Response created = api().post("/api/v1/catalog/bundles").token(CATALOG_ADMIN).json(Map.of("code", code,
                "name", "审核一件事", "leadDepartment", "WSJKW", "members", List.of(certificate, registration))).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        assertProblem(api().post(BUNDLES + code + "/publish").token(CATALOG_ADMIN).send(), 403,
                "SAME_PERSON_DRAFT_AND_PUBLISH");
        assertProblem(api().post(BUNDLES + code + "/publish").token(CATALOG_ADMIN_2).send(), 409,
                "NOT_SUBMITTED_FOR_REVIEW");
        assertProblem(api().post(BUNDLES + code + "/return").token(CATALOG_ADMIN_2)
                .json(Map.of("comment", "无可退回")).send(), 409, "ILLEGAL_STATE_TRANSITION");

        Response submitted = api().post(BUNDLES + code + "/submit").token(CATALOG_ADMIN).send();
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().get("status").asString()).isEqualTo("IN_REVIEW");
        assertProblem(api().post(BUNDLES + code + "/submit").token(CATALOG_ADMIN).send(), 409,
                "ILLEGAL_STATE_TRANSITION");
        assertProblem(api().get(BUNDLES + code).send(), 404, "NOT_FOUND");
        assertProblem(api().post(BUNDLES + code + "/return").token(SCJGJ_REVIEWER)
                .json(Map.of("comment", "x")).send(), 403, "FORBIDDEN");

        Response returned = api().post(BUNDLES + code + "/return").token(CATALOG_ADMIN_2)
                .json(Map.of("comment", "请补充一件事的办理说明")).send();
        assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
        assertThat(returned.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(returned.json().get("history").get("reviewComment").asString()).isEqualTo("请补充一件事的办理说明");
        assertThat(api().post(BUNDLES + code + "/submit").token(CATALOG_ADMIN).send().status()).isEqualTo(200);

        assertProblem(api().post(BUNDLES + code + "/publish").token(CATALOG_ADMIN).send(), 403,
                "SAME_PERSON_DRAFT_AND_PUBLISH");
        assertProblem(api().post(BUNDLES + code + "/publish").token(SCJGJ_REVIEWER).send(), 403, "FORBIDDEN");
        Response published = api().post(BUNDLES + code + "/publish").token(CATALOG_ADMIN_2).send();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
        JsonNode history = published.json().get("history");
        assertThat(history.get("draftedBy").asString()).isEqualTo("catalogadmin1");
        assertThat(history.get("submittedBy").asString()).isEqualTo("catalogadmin1");
        assertThat(history.get("reviewedBy").asString()).isEqualTo("catalogadmin2");
        assertThat(history.get("reviewOutcome").asString()).isEqualTo("APPROVED");
        assertThat(history.get("publishedBy").asString()).isEqualTo("catalogadmin2");
        assertThat(Instant.parse(history.get("publishedAt").asString()))
                .isEqualTo(Instant.parse(published.json().get("publishedAt").asString()));

        // the public sees the bundle without its history; an auditor sees who published it
        assertThat(api().get(BUNDLES + code).send().json().get("history").isNull()).isTrue();
        assertThat(api().get(BUNDLES + code).token(AUDITOR).send().json().get("history").get("publishedBy")
                .asString()).isEqualTo("catalogadmin2");
        // publishing it again (re-pinning) is never its author's either
        assertProblem(api().post(BUNDLES + code + "/publish").token(CATALOG_ADMIN).send(), 403,
                "SAME_PERSON_DRAFT_AND_PUBLISH");
    }
}
