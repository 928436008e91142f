package dev.onewindow.casehandling.support;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The small subset of JSON Schema (2020-12) our event schemas use: {@code type} (one or a list), {@code required},
 * {@code properties}, {@code additionalProperties: false}, {@code items}, {@code enum}, {@code pattern},
 * {@code minimum}, {@code format: date-time}. Enough to hold serialised events to their published contract without a
 * new dependency. Returns the violations, empty when valid.
 */
public final class JsonSchemaCheck {

    private JsonSchemaCheck() {
    }

    public static List<String> violations(JsonNode schema, JsonNode value) {
        List<String> problems = new ArrayList<>();
        check(schema, value, "$", problems);
        return problems;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
        JsonNode type = schema.get("type");
        if (type != null && !typeMatches(type, value)) {
            problems.add(path + ": expected " + type + " but was " + value.getNodeType());
            return;
        }
        if (value.isNull()) {
            return;
        }
        JsonNode allowed = schema.get("enum");
        if (allowed != null && allowed.values().stream().noneMatch(value::equals)) {
            problems.add(path + ": " + value + " is not one of " + allowed);
        }
        if (value.isString()) {
            JsonNode pattern = schema.get("pattern");
            if (pattern != null && !Pattern.compile(pattern.asString()).matcher(value.asString()).find()) {
                problems.add(path + ": '" + value.asString() + "' does not match " + pattern.asString());
            }
            JsonNode format = schema.get("format");
            if (format != null && "date-time".equals(format.asString())) {
                try {
                    Instant.parse(value.asString());
                } catch (DateTimeParseException e) {
                    problems.add(path + ": '" + value.asString() + "' is not a date-time");
                }
            }
        }
        if (value.isNumber() && schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
            problems.add(path + ": " + value + " is below " + schema.get("minimum"));
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            for (JsonNode required : schema.path("required").values()) {
                if (!value.has(required.asString())) {
                    problems.add(path + ": missing required '" + required.asString() + "'");
                }
            }
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                JsonNode fieldSchema = properties.get(field.getKey());
                if (fieldSchema != null) {
                    check(fieldSchema, field.getValue(), path + "." + field.getKey(), problems);
                } else if (schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean()) {
                    problems.add(path + ": '" + field.getKey() + "' is not in the schema");
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            int i = 0;
            for (JsonNode item : value.values()) {
                check(schema.get("items"), item, path + "[" + i++ + "]", problems);
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            return type.values().stream().anyMatch(t -> typeMatches(t, value));
        }
        return switch (type.asString()) {
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
