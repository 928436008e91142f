package dev.onewindow.elicense.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON Schema checker for the event contracts (no new dependency): {@code type} (one or a list),
 * {@code required}, {@code properties}, {@code additionalProperties: false}, {@code items}, {@code enum},
 * {@code pattern}, {@code minimum}, {@code format: date}. Enough to catch a missing, extra or mistyped field.
 */
public final class JsonSchemaCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonSchemaCheck() {
    }

    public static JsonNode resource(String path) {
        try (InputStream in = JsonSchemaCheck.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contract of one event type ({@code contracts/events/<type>.schema.json}). */
    public static JsonNode schemaOf(String eventType) {
        return resource("contracts/events/" + eventType + ".schema.json");
    }

    public static JsonNode sampleOf(String eventType) {
        return resource("contracts/events/" + eventType + ".sample.json");
    }

    /** Every violation of {@code schema} by {@code value}; empty when it conforms. */
    public static List<String> violations(JsonNode schema, JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(schema, value, "$", errors);
        return errors;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> errors) {
        JsonNode type = schema.get("type");
        if (type != null && !typeMatches(type, value)) {
            errors.add(path + ": expected " + type + " but was " + value.getNodeType());
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode allowed : schema.get("enum")) {
                found |= allowed.equals(value);
            }
            if (!found) {
                errors.add(path + ": " + value + " not in " + schema.get("enum"));
            }
        }
        if (value.isString()) {
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asString()).matcher(value.asString())
                    .find()) {
                errors.add(path + ": '" + value.asString() + "' does not match " + schema.get("pattern").asString());
            }
            if ("date".equals(schema.path("format").asString(null))) {
                try {
                    LocalDate.parse(value.asString());
                } catch (DateTimeParseException e) {
                    errors.add(path + ": not a date");
                }
            }
        }
        if (value.isNumber() && schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
            errors.add(path + ": below minimum");
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asString())) {
                    errors.add(path + ": missing required " + required.asString());
                }
            }
            JsonNode properties = schema.path("properties");
            for (var field : value.properties()) {
                JsonNode property = properties.get(field.getKey());
                if (property == null) {
                    if (schema.path("additionalProperties").isBoolean()
                            && !schema.get("additionalProperties").asBoolean()) {
                        errors.add(path + ": unexpected field " + field.getKey());
                    }
                } else {
                    check(property, field.getValue(), path + "." + field.getKey(), errors);
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (typeMatches(one, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asString()) {
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("unsupported schema type " + type);
        };
    }
}
