package dev.onewindow.casehandling;

import dev.onewindow.casehandling.support.CaseApiSupport;
import dev.onewindow.platform.testkit.ApiDocsContract;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case API's document, as a partner reads it: complete by the platform's contract (how to authenticate, who
 * may call, what errors look like, bounded input) and exported for the build's lint (tools/api-lint).
 */
class ApiDocsIT extends CaseApiSupport {

    @Test
    void theDocumentTellsAPartnerWhoMayCallWhatToSendAndWhatComesBack() {
        JsonNode doc = ApiDocsContract.exportAndCheck(api());

        JsonNode submit = doc.path("paths").path("/api/v1/cases").path("post");
        assertThat(submit.path("tags").toString()).isEqualTo("[\"cases\"]");
        assertThat(submit.path("x-roles").toString())
                .isEqualTo("[\"citizen\",\"enterprise\",\"partner\",\"window-officer\"]");
        assertThat(submit.path("requestBody").path("content").has("application/json")).isTrue();
        assertThat(submit.path("responses").path("201").path("content").has("application/json")).isTrue();
        JsonNode upload = doc.path("paths").path("/api/v1/cases/files").path("post");
        assertThat(upload.path("requestBody").path("content").has("multipart/form-data")).isTrue();
        // the caller comes from the token: it is no parameter
        assertThat(doc.path("paths").path("/api/v1/cases/{id}").path("get").path("parameters").toString())
                .doesNotContain("caller");
        JsonNode id = doc.path("paths").path("/api/v1/cases/{id}/accept").path("post").path("parameters").get(0);
        assertThat(id.path("schema").path("maxLength").asInt()).isEqualTo(36);
        JsonNode schemas = doc.path("components").path("schemas");
        assertThat(schemas.path("CaseResponse").path("properties").path("materials").path("maxItems").asInt())
                .isEqualTo(100);
        assertThat(schemas.path("HistoryEntryResponse").path("properties").path("at").path("maxLength").asInt())
                .isEqualTo(35);
    }
}
