package dev.onewindow.platform.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The small part of JSON Schema (2020-12) the event contracts use, checked without a library: {@code type} (also a
 * list), {@code const}, {@code enum}, {@code required}, {@code properties}, {@code additionalProperties: false},
 * {@code items}, {@code minItems}, {@code minimum}/{@code maximum}, {@code minLength}/{@code maxLength},
 * {@code pattern}, {@code format} ({@code date-time}, {@code date}) and local {@code $ref}s ({@code #/$defs/x}).
 * Unknown keywords fail loudly, so a schema never silently checks less than it says. Every service holds its events
 * to their published contracts ({@code contracts/events/<type>.schema.json} and golden {@code .sample.json}) with it.
 */
public final class JsonSchema {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.util.Set<String> KNOWN = java.util.Set.of("$schema", "$id", "$defs", "$ref", "title",
            "description", "type", "const", "enum", "required", "properties", "additionalProperties", "items",
            "minItems", "minimum", "maximum", "minLength", "maxLength", "pattern", "format");

    private final JsonNode root;
    private final JsonNode start;
    private final String startPath;

    private JsonSchema(JsonNode root, JsonNode start, String startPath) {
        this.root = root;
        this.start = start;
        this.startPath = startPath;
    }

    /** The schema of one event type, from {@code contracts/events/<type>.schema.json} on the classpath. */
    public static JsonSchema forEvent(String type) {
        JsonNode root = resource("contracts/events/" + type + ".schema.json");
        return new JsonSchema(root, root, "$");
    }

    /** A schema given as a JSON document. */
    public static JsonSchema of(JsonNode root) {
        return new JsonSchema(root, root, "$");
    }

    /** The golden sample of one event type. */
    public static JsonNode sample(String type) {
        return resource("contracts/events/" + type + ".sample.json");
    }

    public static JsonNode resource(String path) {
        try (InputStream in = JsonSchema.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema of the envelope's {@code data} member, for checking event data before it is enveloped. */
    public JsonSchema data() {
        return new JsonSchema(root, root.get("properties").get("data"), "$.data");
    }

    /** Everything in {@code value} that the schema does not allow; empty when it conforms. */
    public List<String> violations(JsonNode value) {
        List<String> found = new ArrayList<>();
        check(start, value, startPath, found);
        return found;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> found) {
        schema.propertyNames().stream().filter(k -> !KNOWN.contains(k)).findFirst().ifPresent(k -> {
            throw new IllegalArgumentException("unsupported schema keyword '" + k + "' at " + at);
        });
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            if (!ref.startsWith("#/$defs/")) {
                throw new IllegalArgumentException("only local $defs references are supported: " + ref);
            }
            check(root.get("$defs").get(ref.substring("#/$defs/".length())), value, at, found);
            return;
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            found.add(at + ": expected " + schema.get("type") + " but was " + value.getNodeType());
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            found.add(at + ": expected " + schema.get("const") + " but was " + value);
        }
        if (schema.has("enum") && schema.get("enum").values().stream().noneMatch(value::equals)) {
            found.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value.isNull()) {
            return;
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required").values()) {
                if (!value.has(required.asString())) {
                    found.add(at + ": missing required '" + required.asString() + "'");
                }
            }
            JsonNode properties = schema.path("properties");
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                if (properties.has(member.getKey())) {
                    check(properties.get(member.getKey()), member.getValue(), at + "." + member.getKey(), found);
                } else if (schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean()) {
                    found.add(at + ": unexpected member '" + member.getKey() + "'");
                }
            }
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                found.add(at + ": fewer than " + schema.get("minItems") + " items");
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(schema.get("items"), value.get(i), at + "[" + i + "]", found);
                }
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                found.add(at + ": " + value + " is below " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                found.add(at + ": " + value + " is above " + schema.get("maximum"));
            }
        }
        if (value.isString()) {
            String text = value.asString();
            if (schema.has("minLength") && text.length() < schema.get("minLength").asInt()) {
                found.add(at + ": shorter than " + schema.get("minLength"));
            }
            if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
                found.add(at + ": longer than " + schema.get("maxLength"));
            }
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asString()).matcher(text).find()) {
                found.add(at + ": '" + text + "' does not match " + schema.get("pattern").asString());
            }
            if (schema.has("format")) {
                checkFormat(schema.get("format").asString(), text, at, found);
            }
        }
    }

    private static void checkFormat(String format, String text, String at, List<String> found) {
        try {
            switch (format) {
                case "date-time" -> Instant.parse(text);
                case "date" -> LocalDate.parse(text);
                default -> throw new IllegalArgumentException("unsupported format " + format);
            }
        } catch (DateTimeParseException e) {
            found.add(at + ": '" + text + "' is not a " + format);
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            return type.values().stream().anyMatch(t -> typeMatches(t, value));
        }
        return switch (type.asString()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber()
                    || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    /**
     * The member paths of a JSON value ({@code a.b[].c}), array elements merged: two documents with equal path sets
     * have the same structure. Used to keep golden samples in step with what is really serialised.
     */
    public static Collection<String> paths(JsonNode value) {
        TreeSet<String> paths = new TreeSet<>();
        collect(value, "", paths);
        return paths;
    }

    private static void collect(JsonNode value, String prefix, TreeSet<String> paths) {
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                String path = prefix.isEmpty() ? member.getKey() : prefix + "." + member.getKey();
                paths.add(path);
                collect(member.getValue(), path, paths);
            }
        } else if (value.isArray()) {
            for (JsonNode element : value.values()) {
                collect(element, prefix + "[]", paths);
            }
        }
    }
}
