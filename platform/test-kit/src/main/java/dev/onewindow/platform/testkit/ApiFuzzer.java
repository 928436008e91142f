package dev.onewindow.platform.testkit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input against every operation of a service's OpenAPI document, so an endpoint added tomorrow is fuzzed
 * without a test of its own. For each operation it sends hostile path values, query values and headers, malformed
 * and mistyped bodies, boundary and hostile strings in every body field (control and bidirectional characters,
 * lone surrogates, over-long text), integers beyond their bounds, enum ordinals, unknown fields, hostile keys and
 * depths in free-form maps, and broken multipart uploads. It asserts what a client is owed: never a 5xx, and every
 * 4xx an RFC 9457 problem with a {@code code}; and when every hostile request of an operation on a record was
 * refused, the record reads the same afterwards.
 *
 * <pre>{@code
 * ApiFuzzer.Report report = ApiFuzzer.of(api, doc).caller(token).pathValue("id", caseId)
 *         .body("POST /api/v1/cases", () -> validSubmission()).run();
 * }</pre>
 */
public final class ApiFuzzer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");

    /** Hostile strings every text field meets (as JSON string content). */
    static final List<String> HOSTILE_TEXT = List.of("", " ", "\u0000", "a\u0000b", "abc\u202Efdp.exe", "\u2066x\u2069",
            "\uD800", "\uDFFFx", "\uFFFE", "line\nbreak", "tab\tand\rreturn", "\u0007bell", "\u001B[31m",
            "{\"$gt\":\"\"}", "$where", "a.b", "../../etc/passwd", "<script>alert(1)</script>", "%00", "%FF",
            "\u202E" + "1", "x".repeat(70_000), "测".repeat(5_000), "1e999999", "-0", "NaN", "null");

    /** Hostile path segments and query values, already percent-encoded as they go on the wire. */
    static final List<String> HOSTILE_RAW = List.of("%00", "%FF", "%C0%AF", "%ED%A0%80", "%E2%80%AE1", "%0A", "%0D%0A",
            "..%2F..%2Fetc", "%2e%2e", "x".repeat(3_000), "-1", "0", "2147483648", "99999999999999999999", "1.5",
            "%20", "%24where", "a%5B%5D=1", "%EF%BF%BE", "true");

    /** Hostile values of the headers a service reads (If-Match, Idempotency-Key, …), as ISO-8859-1 on the wire. */
    static final List<String> HOSTILE_HEADERS = List.of("\u00E2\u0080\u00AE1", "W/\"1\"", "\"\"", "*",
            "x".repeat(4_000), "\u00FF\u00FE", "-1", "99999999999999999999");

    private final ApiClient api;
    private final JsonNode doc;
    private String token;
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final Map<String, Supplier<String>> bodies = new LinkedHashMap<>();
    private final List<String> headers = new ArrayList<>(List.of("If-Match", "Idempotency-Key"));
    private Function<JsonNode, JsonNode> normalizer = node -> node;

    private ApiFuzzer(ApiClient api, JsonNode doc) {
        this.api = api;
        this.doc = doc;
    }

    public static ApiFuzzer of(ApiClient api, JsonNode openApiDocument) {
        return new ApiFuzzer(api, openApiDocument);
    }

    /** The bearer token every request carries: a caller whose roles reach every operation's validation. */
    public ApiFuzzer caller(String bearerToken) {
        this.token = bearerToken;
        return this;
    }

    /** The value of a path variable in the requests that are not about that variable (an existing record). */
    public ApiFuzzer pathValue(String name, String value) {
        pathValues.put(name, value);
        return this;
    }

    /** A valid body for {@code "POST /api/v1/cases"}: mutations start from it and so reach the domain's rules. */
    public ApiFuzzer body(String operation, Supplier<String> validJson) {
        bodies.put(operation, validJson);
        return this;
    }

    /** Removes what changes by itself (a clock's remaining time …) from a record before it is compared. */
    public ApiFuzzer normalize(Function<JsonNode, JsonNode> normalizer) {
        this.normalizer = normalizer;
        return this;
    }

    /** What the fuzzer found: requests per operation; failures are thrown by {@link #run()}. */
    public record Report(int requests, int operations, int accepted, Map<String, Integer> perOperation) {

        @Override
        public String toString() {
            return requests + " hostile requests to " + operations + " operations, " + accepted + " accepted, 0 × 5xx";
        }
    }

    /** Sends everything; fails with every broken promise found (each with its request). */
    public Report run() {
        Objects.requireNonNull(token, "caller");
        List<String> failures = new ArrayList<>();
        Map<String, Integer> perOperation = new TreeMap<>();
        int requests = 0;
        int accepted = 0;
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                String name = method.getKey().toUpperCase() + " " + path.getKey();
                Operation operation = new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue(),
                        path.getValue());
                String target = snapshotPath(path.getKey());
                JsonNode before = target == null ? null : snapshot(target);
                List<Outcome> outcomes = operation.fuzz();
                for (Outcome outcome : outcomes) {
                    if (outcome.failure() != null) {
                        failures.add(name + " " + outcome.what() + ": " + outcome.failure());
                    }
                    if (outcome.status() >= 200 && outcome.status() < 300) {
                        accepted++;
                    }
                }
                requests += outcomes.size();
                perOperation.put(name, outcomes.size());
                boolean allRefused = outcomes.stream().noneMatch(o -> o.status() >= 200 && o.status() < 300);
                if (before != null && allRefused && !method.getKey().equals("get")) {
                    JsonNode after = snapshot(target);
                    if (!Objects.equals(before, after)) {
                        failures.add(name + ": every hostile request was refused, yet " + target + " changed");
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " broken promises under hostile input:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(failures.size(), 60))));
        }
        return new Report(requests, perOperation.size(), accepted, perOperation);
    }

    // ------------------------------------------------------------------------------------------------ one operation

    record Outcome(String what, int status, String failure) {
    }

    private final class Operation {
        private final String method;
        private final String template;
        private final JsonNode op;
        private final JsonNode pathItem;
        private final List<Outcome> outcomes = new ArrayList<>();

        Operation(String method, String template, JsonNode op, JsonNode pathItem) {
            this.method = method;
            this.template = template;
            this.op = op;
            this.pathItem = pathItem;
        }

        List<Outcome> fuzz() {
            List<JsonNode> parameters = new ArrayList<>();
            pathItem.path("parameters").forEach(parameters::add);
            op.path("parameters").forEach(parameters::add);
            Map<String, String> validQuery = new LinkedHashMap<>();
            for (JsonNode parameter : parameters) {
                if ("query".equals(parameter.path("in").asString()) && parameter.path("required").asBoolean(false)) {
                    validQuery.put(parameter.path("name").asString(), sample(resolve(parameter.path("schema"))));
                }
            }
            // as documented, and with a parameter nobody declared carrying hostile values
            send("as documented", path(Map.of()), validQuery, null, null, null);
            for (String raw : List.of("%FF", "%00", "%E2%80%AE", "x".repeat(3_000))) {
                Map<String, String> query = new LinkedHashMap<>(validQuery);
                query.put("undeclared", raw);
                send("query undeclared=" + shorten(raw), path(Map.of()), query, null, null, null);
            }
            for (JsonNode parameter : parameters) {
                String name = parameter.path("name").asString();
                switch (parameter.path("in").asString()) {
                    case "path" -> HOSTILE_RAW.forEach(raw ->
                            send("path " + name + "=" + shorten(raw), path(Map.of(name, raw)), validQuery, null, null, null));
                    case "query" -> {
                        List<String> values = new ArrayList<>(HOSTILE_RAW);
                        values.addAll(List.of("abc", "1e3", "0x10", "lowercase"));
                        for (String raw : values) {
                            Map<String, String> query = new LinkedHashMap<>(validQuery);
                            query.put(name, raw);
                            send("query " + name + "=" + shorten(raw), path(Map.of()), query, null, null, null);
                        }
                    }
                    case "header" -> HOSTILE_HEADERS.forEach(value ->
                            send("header " + name, path(Map.of()), validQuery, Map.of(name, value), null, null));
                    default -> { }
                }
            }
            for (String header : headers) {
                if (parameters.stream().noneMatch(p -> header.equalsIgnoreCase(p.path("name").asString()))
                        && !method.equals("GET")) {
                    HOSTILE_HEADERS.forEach(value -> send("header " + header, path(Map.of()), validQuery,
                            Map.of(header, value), null, null));
                }
            }
            JsonNode content = op.path("requestBody").path("content");
            if (content.has("multipart/form-data")) {
                multipart(validQuery);
            } else if (content.has("application/json")) {
                json(resolve(content.path("application/json").path("schema")), validQuery);
            } else if (!method.equals("GET") && !method.equals("DELETE")) {
                send("unexpected JSON body", path(Map.of()), validQuery, null, "application/json", "{\"x\":1}");
            }
            return outcomes;
        }

        private void json(JsonNode schema, Map<String, String> query) {
            String base = bodies.containsKey(method + " " + template) ? bodies.get(method + " " + template).get()
                    : JSON.writeValueAsString(example(schema, 0));
            String path = path(Map.of());
            for (String malformed : List.of("", "{", "[", "null", "\"text\"", "{\"a\":}", "not json", "[".repeat(5_000),
                    "{\"a\":" + "1".repeat(5_000) + "}", "1e999999", "\uFEFF{}")) {
                send("malformed body " + shorten(malformed), path, query, null, "application/json", malformed);
            }
            send("text/plain body", path, query, null, "text/plain", base);
            send("xml body", path, query, null, "application/xml", "<a/>");
            JsonNode valid = JSON.readTree(base);
            if (!valid.isObject()) {
                return;
            }
            ObjectNode unknown = ((ObjectNode) valid).deepCopy();
            unknown.put("unknownField", 1);
            send("unknown field", path, query, null, "application/json", JSON.writeValueAsString(unknown));
            mutateFields((ObjectNode) valid, schema, "", valid, path, query, 0);
        }

        /** Every property of {@code object} (at {@code prefix}) replaced by each hostile value of its kind. */
        private void mutateFields(ObjectNode object, JsonNode schema, String prefix, JsonNode root, String path,
                Map<String, String> query, int depth) {
            if (depth > 3) {
                return;
            }
            JsonNode properties = resolve(schema).path("properties");
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                String field = property.getKey();
                JsonNode fieldSchema = resolve(property.getValue());
                for (String hostile : hostileValues(fieldSchema)) {
                    ObjectNode copy = object.deepCopy();
                    copy.set(field, JSON.readTree(hostile));
                    send("field " + prefix + field + "=" + shorten(hostile), path, query, null, "application/json",
                            JSON.writeValueAsString(replace(root, object, copy)));
                }
                JsonNode current = object.path(field);
                if (current.isObject() && fieldSchema.has("properties")) {
                    mutateFields((ObjectNode) current, fieldSchema, prefix + field + ".", root, path, query, depth + 1);
                }
            }
        }

        private void multipart(Map<String, String> query) {
            String path = path(Map.of());
            String boundary = "fuzzboundary";
            send("multipart without boundary", path, query, null, "multipart/form-data", "--x\r\n");
            send("multipart broken", path, query, null, "multipart/form-data; boundary=" + boundary,
                    "--" + boundary + "\r\nContent-Disposition: form-data\r\n\r\nabc");
            for (String name : List.of("a\u0000b.pdf", "abc\u202Efdp.exe", "..\\..\\x.pdf", "x".repeat(2_000) + ".pdf",
                    "", "\u0007.pdf")) {
                String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + name + "\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 fuzz\r\n--" + boundary + "--\r\n";
                send("multipart filename " + shorten(name), path, query, null,
                        "multipart/form-data; boundary=" + boundary, body);
            }
        }

        private String path(Map<String, String> hostile) {
            Matcher variable = TEMPLATE.matcher(template);
            StringBuilder out = new StringBuilder();
            while (variable.find()) {
                String name = variable.group(1);
                String value = hostile.containsKey(name) ? hostile.get(name)
                        : pathValues.getOrDefault(name, "fuzz-" + name);
                variable.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            variable.appendTail(out);
            return out.toString();
        }

        private void send(String what, String path, Map<String, String> query, Map<String, String> extraHeaders,
                String contentType, String body) {
            StringBuilder target = new StringBuilder(path);
            char separator = '?';
            for (Map.Entry<String, String> q : query.entrySet()) {
                target.append(separator).append(q.getKey()).append('=').append(q.getValue());
                separator = '&';
            }
            ApiClient.Call call = callFor(method, target.toString());
            call.token(token);
            if (extraHeaders != null) {
                extraHeaders.forEach(call::header);
            }
            if (contentType != null) {
                call.body(contentType, body);
            }
            ApiClient.Response response;
            try {
                response = call.send();
            } catch (IllegalArgumentException refusedByTheClientLibrary) {
                return; // not sendable by a standard client (e.g. a header value it will not encode)
            } catch (RuntimeException e) {
                outcomes.add(new Outcome(what, 0, "no answer: " + e));
                return;
            }
            int status = response.status();
            String failure = null;
            if (status >= 500) {
                failure = status + " " + shorten(String.valueOf(response.rawBody()));
            } else if (status >= 400) {
                String type = String.valueOf(response.contentType());
                if (!type.startsWith("application/problem+json")) {
                    failure = status + " is not problem+json but " + type;
                } else if (response.json().path("code").asString("").isBlank()) {
                    failure = status + " problem without a code";
                }
            }
            outcomes.add(new Outcome(what, status, failure));
        }

        private ApiClient.Call callFor(String httpMethod, String target) {
            return switch (httpMethod) {
                case "GET" -> api.get(target);
                case "PUT" -> api.put(target);
                case "PATCH" -> api.patch(target);
                case "DELETE" -> api.delete(target);
                default -> api.post(target);
            };
        }
    }

    // ------------------------------------------------------------------------------------------------ schemas

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asString();
            current = doc.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return current;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asString())) {
                    return t.asString();
                }
            }
        }
        return type.asString(schema.has("properties") ? "object" : "");
    }

    /** A plausible value of {@code schema}: the first enum value, the minimum, a short string, an empty list. */
    private JsonNode example(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        return switch (type(resolved)) {
            case "string" -> JSON.getNodeFactory().stringNode(sample(resolved));
            case "integer", "number" -> JSON.getNodeFactory().numberNode(resolved.path("minimum").asLong(1));
            case "boolean" -> JSON.getNodeFactory().booleanNode(true);
            case "array" -> JSON.createArrayNode();
            case "object" -> {
                ObjectNode object = JSON.createObjectNode();
                if (depth < 4) {
                    for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
                        object.set(property.getKey(), example(property.getValue(), depth + 1));
                    }
                }
                yield object;
            }
            default -> JSON.getNodeFactory().nullNode();
        };
    }

    private String sample(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asString();
        }
        String type = type(schema);
        if (type.equals("integer") || type.equals("number")) {
            return String.valueOf(schema.path("minimum").asLong(0));
        }
        int min = Math.max(1, schema.path("minLength").asInt(1));
        return "x".repeat(Math.min(min, 16));
    }

    /** The hostile replacements of one field, as JSON texts. */
    private List<String> hostileValues(JsonNode schema) {
        List<String> values = new ArrayList<>(List.of("null", "{}", "[]", "true", "12", "-1", "\"\""));
        switch (type(schema)) {
            case "string" -> {
                HOSTILE_TEXT.forEach(text -> values.add(quote(text)));
                if (schema.has("maxLength")) {
                    values.add(quote("x".repeat(schema.get("maxLength").asInt() + 1)));
                }
                if (schema.has("enum")) {
                    values.addAll(List.of("0", "1", "\"" + schema.get("enum").get(0).asString().toLowerCase() + "\"",
                            "\"NOT_A_VALUE\""));
                }
            }
            case "integer", "number" -> {
                values.addAll(List.of("1.5", "\"12\"", "2147483648", "-2147483649", "9223372036854775808", "1e400",
                        "-0"));
                if (schema.has("minimum")) {
                    values.add(String.valueOf(schema.get("minimum").asLong() - 1));
                }
                if (schema.has("maximum")) {
                    values.add(String.valueOf(schema.get("maximum").asLong() + 1));
                }
            }
            case "array" -> {
                int max = schema.path("maxItems").asInt(100);
                values.add("[" + String.join(",", java.util.Collections.nCopies(Math.min(max + 1, 10_001), "null"))
                        + "]");
                HOSTILE_TEXT.stream().limit(8).forEach(text -> values.add("[" + quote(text) + "]"));
                values.add("[" + "[".repeat(200) + "]".repeat(200) + "]");
            }
            case "object" -> {
                values.addAll(List.of("{\"$where\":\"1\"}", "{\"a.b\":1}", "{\"a\\u0000b\":1}", "{\"\":1}",
                        "{\"" + "k".repeat(1_000) + "\":1}", "{\"x\":" + quote("x".repeat(100_000)) + "}",
                        "{\"$set\":{\"status\":\"COMPLETED\"}}", nested(90), "{\"x\":" + quote("\u202E") + "}"));
            }
            default -> { }
        }
        return values;
    }

    private static String nested(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** A JSON string literal; non-ASCII and control characters escaped (lone surrogates too). */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static JsonNode replace(JsonNode root, JsonNode original, JsonNode replacement) {
        if (root == original) {
            return replacement;
        }
        if (root.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                copy.set(entry.getKey(), replace(entry.getValue(), original, replacement));
            }
            return copy;
        }
        return root;
    }

    // ------------------------------------------------------------------------------------------------ records

    /** The readable record an operation acts on: the longest GET path that the operation's path extends. */
    private String snapshotPath(String template) {
        String best = null;
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            String candidate = path.getKey();
            if (path.getValue().has("get") && candidate.contains("{") && template.startsWith(candidate)
                    && (best == null || candidate.length() > best.length())) {
                best = candidate;
            }
        }
        if (best == null) {
            return null;
        }
        Matcher variable = TEMPLATE.matcher(best);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String value = pathValues.get(variable.group(1));
            if (value == null) {
                return null;
            }
            variable.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        variable.appendTail(out);
        return out.toString();
    }

    private JsonNode snapshot(String path) {
        ApiClient.Response response = api.get(path).token(token).send();
        return response.status() == 200 ? normalizer.apply(response.json()) : null;
    }

    private static String shorten(String text) {
        String printable = text.codePoints().limit(40).collect(StringBuilder::new,
                (b, c) -> b.append(c < 0x20 || (c >= 0x7F && c < 0xA0) || Character.getType(c) == Character.FORMAT
                        || Character.getType(c) == Character.SURROGATE ? String.format("\\u%04X", c)
                        : new String(Character.toChars(c))), StringBuilder::append).toString();
        return text.length() > 40 ? printable + "…(" + text.length() + ")" : printable;
    }
}
