package dev.onewindow.catalog;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiDocsContract;
import dev.onewindow.platform.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog's OpenAPI document tells a partner everything the platform's contract asks (how to authenticate, who
 * may call, what errors look like, the bounds of every input), and is exported for the build's Spectral lint.
 */
@IntegrationTest
class ApiDocsIT {

    @LocalServerPort
    int port;

    @Test
    void theDocumentIsOneAPartnerCanIntegrateFrom() {
        JsonNode doc = ApiDocsContract.exportAndCheck(ApiClient.localPort(port));
        JsonNode paths = doc.path("paths");

        // public reads are marked public; writes name their roles
        JsonNode current = paths.path("/api/v1/catalog/entries/{code}").path("get");
        assertThat(current.path("x-public").asBoolean()).isTrue();
        assertThat(current.path("tags").toString()).isEqualTo("[\"Entries\"]");
        assertThat(paths.path("/api/v1/catalog/items").path("get").path("x-public").asBoolean()).isTrue();
        assertThat(paths.path("/api/v1/catalog/entries").path("post").path("x-roles").toString())
                .isEqualTo("[\"catalog-admin\",\"dept-admin\"]");
        // review before publication (审核发布): staff submit, a reviewer who is not an author publishes or returns
        assertThat(paths.path("/api/v1/catalog/entries/{code}/submit").path("post").path("x-roles").toString())
                .isEqualTo("[\"catalog-admin\",\"dept-admin\"]");
        assertThat(paths.path("/api/v1/catalog/entries/{code}/publish").path("post").path("x-roles").toString())
                .isEqualTo("[\"catalog-admin\",\"reviewer\"]");
        assertThat(paths.path("/api/v1/catalog/entries/{code}/publish").path("post").path("description").asString())
                .contains("SAME_PERSON_DRAFT_AND_PUBLISH", "NOT_SUBMITTED_FOR_REVIEW");
        assertThat(paths.path("/api/v1/catalog/entries/{code}/return").path("post").path("x-roles").toString())
                .isEqualTo("[\"catalog-admin\",\"reviewer\"]");
        assertThat(paths.path("/api/v1/catalog/bundles/{code}/submit").path("post").path("x-roles").toString())
                .isEqualTo("[\"catalog-admin\"]");
        assertThat(paths.path("/api/v1/catalog/bundles/{code}/return").path("post").path("x-roles").toString())
                .isEqualTo("[\"catalog-admin\"]");
        assertThat(paths.path("/api/v1/catalog/calendar/years/{year}").path("put").path("x-roles").toString())
                .isEqualTo("[\"catalog-admin\"]");

        // the public reads say who may keep them and answer 304; the staff's own department is no public read
        JsonNode calendarYear = paths.path("/api/v1/catalog/calendar/years/{year}").path("get");
        assertThat(calendarYear.path("description").asString()).contains("`Cache-Control: public, max-age=21600`");
        assertThat(calendarYear.path("responses").path("304").path("headers").has("ETag")).isTrue();
        assertThat(parameter(calendarYear, "If-None-Match").path("maxLength").asInt()).isEqualTo(512);
        assertThat(paths.path("/api/v1/catalog/departments/mine").path("get").path("responses").has("304")).isFalse();

        // codes are validated by their format, and documented with it
        JsonNode code = parameter(current, "code");
        assertThat(code.path("pattern").asString()).contains("XK|QR");
        assertThat(code.path("maxLength").asInt()).isEqualTo(36);
        assertThat(parameter(paths.path("/api/v1/catalog/entries/{code}/draft").path("put"), "If-Match")
                .path("maxLength").asInt()).isPositive();
        assertThat(parameter(paths.path("/api/v1/catalog/calendar/days/{date}").path("get"), "date")
                .path("maxLength").asInt()).isEqualTo(10);

        // answers are bounded too: the entry's texts, lists and numbers
        JsonNode entry = doc.path("components").path("schemas").path("EntryResponse").path("properties");
        assertThat(entry.path("name").path("maxLength").asInt()).isEqualTo(200);
        assertThat(entry.path("materials").path("maxItems").asInt()).isEqualTo(100);
        assertThat(entry.path("topics").path("items").path("maxLength").asInt()).isEqualTo(20);
        assertThat(entry.path("promisedLimitDays").path("maximum").asInt()).isEqualTo(730);
        assertThat(entry.path("formFields").path("maxItems").asInt()).isEqualTo(100);
        JsonNode field = doc.path("components").path("schemas").path("FormField").path("properties");
        assertThat(field.path("name").path("pattern").asString()).isEqualTo("[A-Za-z_][A-Za-z0-9_-]{0,63}");
        assertThat(field.path("label").path("maxLength").asInt()).isEqualTo(100);
        JsonNode page = doc.path("components").path("schemas").path("PageResponseEntryResponse").path("properties");
        assertThat(page.path("content").path("maxItems").asInt()).isEqualTo(100);
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").asString().equals(name)) {
                return parameter.path("schema");
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }
}
