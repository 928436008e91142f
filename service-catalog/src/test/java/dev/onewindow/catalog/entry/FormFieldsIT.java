package dev.onewindow.catalog.entry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.onewindow.catalog.Fixtures;
import dev.onewindow.catalog.CatalogApiTest;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.JsonSchema;
import dev.onewindow.platform.testkit.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.onewindow.catalog.Fixtures.CATALOG_ADMIN;
import static dev.onewindow.catalog.Fixtures.assertProblem;
import static dev.onewindow.catalog.Fixtures.draft;
import static dev.onewindow.catalog.Fixtures.item;
import static dev.onewindow.catalog.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application form of an entry version ({@code formFields}) over HTTP: drafted, published, read by anyone with
 * the version (case-handling's catalog client reads which fields are personal data from it) and announced with it;
 * invalid definitions are 400 and store nothing.
 */
@IntegrationTest
class FormFieldsIT extends CatalogApiTest {

    private static final String ENTRIES = "/api/v1/catalog/entries/";


    @Test
    void theFormRoundTripsThroughPublicationIntoThePublicReadsAndTheEvent() {
        List<Map<String, Object>> form = List.of(
                field("idNumber", "身份证号", true, true),
                field("name", "姓名", true, true),
                Map.of("name", "purpose", "label", "证明用途", "personal", false)); // required left out: false
        Map<String, Object> body = with(draft(item(api(), "GG", "表单测试", List.of()), "GAJ", "表单测试"),
                "formFields", form);
        Response created = api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN).json(body).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String code = created.json().get("implementationCode").asString();
        String expected = "[{\"name\":\"idNumber\",\"label\":\"身份证号\",\"personal\":true,\"required\":true},"
                + "{\"name\":\"name\",\"label\":\"姓名\",\"personal\":true,\"required\":true},"
                + "{\"name\":\"purpose\",\"label\":\"证明用途\",\"personal\":false,\"required\":false}]";
        assertThat(created.json().get("formFields").toString()).isEqualTo(expected);
        Fixtures.publish(api(), code);

        // what case-handling's catalog client reads: the current version and the version by number, anonymously
        assertThat(api().get(ENTRIES + code).send().json().get("formFields").toString()).isEqualTo(expected);
        assertThat(api().get(ENTRIES + code + "/versions/1").send().json().get("formFields").toString())
                .isEqualTo(expected);

        // a revision changes the form; the old version keeps its own
        Response revised = api().put(ENTRIES + code + "/draft").token(CATALOG_ADMIN)
                .json(with(body, "formFields", List.of(field("name", "姓名", true, true)))).send();
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        Fixtures.publish(api(), code);
        assertThat(api().get(ENTRIES + code).send().json().get("formFields").size()).isEqualTo(1);
        assertThat(api().get(ENTRIES + code + "/versions/1").send().json().get("formFields").toString())
                .isEqualTo(expected);

        // the events carry the whole version, its form included
        try (TopicReader topic = TopicReader.fromBeginning("service-catalog.item.events.v1")) {
            List<JsonNode> events = topic.awaitEvents(code, 2, Duration.ofSeconds(30));
            for (JsonNode event : events) {
                assertThat(JsonSchema.forEvent(event.get("type").asString()).violations(event)).as(event.toString())
                        .isEmpty();
            }
            assertThat(events.get(0).get("data").get("formFields").toString()).isEqualTo(expected);
            assertThat(events.get(1).get("data").get("formFields").get(0).get("personal").asBoolean()).isTrue();
        }

        // an entry that defines no form answers an empty one
        String plain = Fixtures.published(api(), draft(item(api(), "GG", "无表单测试", List.of()), "GAJ", "无表单测试"));
        assertThat(api().get(ENTRIES + plain).send().json().get("formFields").toString()).isEqualTo("[]");
    }

    @Test
    void anInvalidFormIs400AndStoresNothing() {
        Map<String, Object> body = draft(item(api(), "GG", "表单校验测试", List.of()), "GAJ", "表单校验测试");
        String code = body.get("basicCode") + "341300GAJ";

        assertField(with(body, "formFields", List.of(field("1idNumber", "身份证号", true, true))), 400,
                "VALIDATION_FAILED", "formFields[0].name");
        assertField(with(body, "formFields", List.of(field("id.number", "身份证号", true, true))), 400,
                "VALIDATION_FAILED", "formFields[0].name");
        assertField(with(body, "formFields", List.of(field("x".repeat(65), "身份证号", true, true))), 400,
                "VALIDATION_FAILED", "formFields[0].name");
        assertField(with(body, "formFields", List.of(field("idNumber", "号".repeat(101), true, true))), 400,
                "VALIDATION_FAILED", "formFields[0].label");
        assertField(with(body, "formFields", List.of(Map.of("name", "idNumber", "label", "身份证号"))), 400,
                "VALIDATION_FAILED", "formFields[0].personal");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(field("field" + i, "字段" + i, false, false));
        }
        assertField(with(body, "formFields", tooMany), 400, "VALIDATION_FAILED", "formFields");
        Response duplicate = api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN).json(with(body, "formFields",
                List.of(field("idNumber", "身份证号", true, true), field("idNumber", "证件号码", true, false)))).send();
        assertProblem(duplicate, 400, "INVALID_ENTRY");
        assertThat(duplicate.json().get("detail").asString()).contains("idNumber");
        assertProblem(api().get(ENTRIES + code + "/draft").token(CATALOG_ADMIN).send(), 404, "NOT_FOUND");

        // the limits themselves are allowed; an edit with an invalid form leaves the draft as it was
        Response created = api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN)
                .json(with(body, "formFields", tooMany.subList(0, 100))).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertProblem(api().put(ENTRIES + code + "/draft").token(CATALOG_ADMIN).json(with(body, "formFields",
                List.of(field("a", "甲", false, false), field("a", "乙", false, false)))).send(), 400, "INVALID_ENTRY");
        assertThat(api().get(ENTRIES + code + "/draft").token(CATALOG_ADMIN).send().json().get("formFields").size())
                .isEqualTo(100);
    }

    private void assertField(Map<String, Object> body, int status, String problem, String field) {
        Response response = api().post("/api/v1/catalog/entries").token(CATALOG_ADMIN).json(body).send();
        assertProblem(response, status, problem);
        assertThat(response.json().get("errors").values()).extracting(e -> e.get("field").asString())
                .as(response.toString()).contains(field);
    }

    private static Map<String, Object> field(String name, String label, boolean personal, boolean required) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("name", name);
        field.put("label", label);
        field.put("personal", personal);
        field.put("required", required);
        return field;
    }
}
