package dev.onewindow.platform.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's OpenAPI document as a partner reads it: fetched from the running service, checked for what a partner
 * needs (how to authenticate, who may call, what errors look like, what input is accepted), and written to
 * {@code target/openapi/openapi.json}, where the build's Spectral lint ({@code tools/api-lint}) reads it.
 */
public final class ApiDocsContract {

    /** Where the build's API lint looks for the document of the module under test. */
    public static final Path EXPORT = Path.of("target", "openapi", "openapi.json");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

    private ApiDocsContract() {
    }

    /** Fetches {@code /v3/api-docs}, asserts the contract below, and exports the document for the lint. */
    public static JsonNode exportAndCheck(ApiClient service) {
        ApiClient.Response response = service.get("/v3/api-docs").send();
        assertThat(response.status()).as("GET /v3/api-docs").isEqualTo(200);
        try {
            Files.createDirectories(EXPORT.getParent());
            Files.writeString(EXPORT, response.rawBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode doc = response.json();
        assertThat(problems(doc)).as("what a partner could not learn from the API docs").isEmpty();
        return doc;
    }

    /** Everything a partner could not learn from {@code doc}; empty when it is complete. */
    public static List<String> problems(JsonNode doc) {
        List<String> problems = new ArrayList<>();
        JsonNode scheme = doc.path("components").path("securitySchemes").path("keycloak");
        if (!"oauth2".equals(scheme.path("type").asString(""))) {
            problems.add("no OAuth2 security scheme 'keycloak'");
        }
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                String name = method.getKey().toUpperCase() + " " + path.getKey();
                JsonNode op = method.getValue();
                boolean open = op.path("x-public").asBoolean(false);
                if (op.path("summary").asString("").isBlank()) {
                    problems.add(name + ": no summary");
                }
                if (!op.has("security")) {
                    problems.add(name + ": no security requirement");
                }
                if (!open && !op.has("x-roles") && !op.path("description").asString("").contains("any signed-in")) {
                    problems.add(name + ": roles not documented");
                }
                JsonNode responses = op.path("responses");
                if (!responses.has("401") || (!open && !responses.has("403"))) {
                    problems.add(name + ": 401/403 not documented");
                }
                if (op.has("requestBody") && !responses.has("400")) {
                    problems.add(name + ": 400 not documented");
                }
                for (JsonNode parameter : op.path("parameters")) {
                    unbounded(doc, parameter.path("schema"), name + " parameter " + parameter.path("name").asString(),
                            problems, 0);
                }
                for (JsonNode content : op.path("requestBody").path("content")) {
                    unbounded(doc, content.path("schema"), name + " body", problems, 0);
                }
            }
        }
        return problems;
    }

    /** Request strings without a length bound (or an enum), arrays without a size bound. */
    private static void unbounded(JsonNode doc, JsonNode schema, String where, List<String> problems, int depth) {
        if (depth > 10 || schema.isMissingNode()) {
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            unbounded(doc, doc.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1)),
                    where, problems, depth + 1);
            return;
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asString()
                : schema.path("type").asString("");
        if (type.equals("string") && !schema.has("maxLength") && !schema.has("enum") && !schema.has("const")) {
            problems.add(where + ": string without maxLength");
        }
        if (type.equals("array") && !schema.has("maxItems")) {
            problems.add(where + ": array without maxItems");
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            unbounded(doc, property.getValue(), where + "." + property.getKey(), problems, depth + 1);
        }
        unbounded(doc, schema.path("items"), where + "[]", problems, depth + 1);
    }
}
