package dev.onewindow.platform.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    private final Map<String, Supplier<String>> operationPathValues = new LinkedHashMap<>();
    private final Map<String, String> queryValues = new LinkedHashMap<>();
    private final Map<String, Supplier<String>> bodies = new LinkedHashMap<>();
    private final List<String> headers = new ArrayList<>(List.of("If-Match", "Idempotency-Key"));
    private Function<JsonNode, JsonNode> normalizer = node -> node;
    private final Map<String, java.util.function.BiPredicate<String, String>> errorShapes = new LinkedHashMap<>();

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

    /**
     * The value of a path variable for one operation ({@code "POST /api/v1/cases/{id}/accept"}), made when the
     * operation's turn comes: a workflow API can give each operation a fresh record in the state it needs, and
     * operations whose variables share a name can point at different kinds of record.
     */
    public ApiFuzzer pathValue(String operation, String name, Supplier<String> value) {
        operationPathValues.put(operation + " " + name, value);
        return this;
    }

    /** A valid value of a query parameter (sent with every request of the operations that take it). */
    public ApiFuzzer queryValue(String name, String value) {
        queryValues.put(name, value);
        return this;
    }

    /** A valid body for {@code "POST /api/v1/cases"}: mutations start from it and so reach the domain's rules. */
    public ApiFuzzer body(String operation, Supplier<String> validJson) {
        bodies.put(operation, validJson);
        return this;
    }

    /**
     * Operations whose path starts with {@code pathPrefix} answer errors in a standard's own shape rather than
     * problem+json (the Open311 GeoReport facade): {@code isError} tells, from the content type and the body, whether
     * an error answer is one of that shape. Everything else the fuzzer promises still holds for them.
     */
    public ApiFuzzer errorShape(String pathPrefix, java.util.function.BiPredicate<String, String> isError) {
        errorShapes.put(pathPrefix, isError);
        return this;
    }

    /** The error shape of operations at {@code template}, when it is not problem+json. */
    private java.util.function.BiPredicate<String, String> ownErrorShape(String template) {
        return errorShapes.entrySet().stream().filter(e -> template.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** Removes what changes by itself (a clock's remaining time …) from a record before it is compared. */
    public ApiFuzzer normalize(Function<JsonNode, JsonNode> normalizer) {
        this.normalizer = normalizer;
        return this;
    }

    /** What the fuzzer found: requests per operation; failures are thrown by {@link #run()}. */
    public record Report(int requests, int operations, int accepted, Map<String, Integer> perOperation,
            Map<String, Integer> acceptedPerOperation) {

        /** Two runs together (over different parts of a document, or with different callers). */
        public Report plus(Report other) {
            Map<String, Integer> requestsPer = new TreeMap<>(perOperation);
            other.perOperation.forEach((operation, count) -> requestsPer.merge(operation, count, Integer::sum));
            Map<String, Integer> acceptedPer = new TreeMap<>(acceptedPerOperation);
            other.acceptedPerOperation.forEach((operation, count) -> acceptedPer.merge(operation, count, Integer::sum));
            return new Report(requests + other.requests, requestsPer.size(), accepted + other.accepted, requestsPer,
                    acceptedPer);
        }

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
        Map<String, Integer> acceptedPerOperation = new TreeMap<>();
        int requests = 0;
        int accepted = 0;
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                String name = method.getKey().toUpperCase() + " " + path.getKey();
                Operation operation = new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue(),
                        path.getValue(), null);
                Map<String, String> values = valuesFor(name);
                String target = snapshotPath(path.getKey(), values);
                JsonNode before = target == null ? null : snapshot(target);
                operation = new Operation(operation.method, operation.template, operation.op, operation.pathItem,
                        values);
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
                acceptedPerOperation.put(name, (int) outcomes.stream()
                        .filter(o -> o.status() >= 200 && o.status() < 300).count());
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
        return new Report(requests, perOperation.size(), accepted, perOperation, acceptedPerOperation);
    }

    /** The path values of one operation: its own (made now), else the shared ones. */
    private Map<String, String> valuesFor(String operation) {
        Map<String, String> values = new LinkedHashMap<>(pathValues);
        operationPathValues.forEach((key, supplier) -> {
            if (key.startsWith(operation + " ")) {
                values.put(key.substring(operation.length() + 1), supplier.get());
            }
        });
        return values;
    }

    // ------------------------------------------------------------------------------------------------ one operation

    record Outcome(String what, int status, String failure) {
    }

    private final class Operation {
        private final String method;
        private final String template;
        private final JsonNode op;
        private final JsonNode pathItem;
        private final Map<String, String> values;
        private final List<Outcome> outcomes = new ArrayList<>();

        Operation(String method, String template, JsonNode op, JsonNode pathItem, Map<String, String> values) {
            this.method = method;
            this.template = template;
            this.op = op;
            this.pathItem = pathItem;
            this.values = values;
        }

        List<Outcome> fuzz() {
            List<JsonNode> parameters = new ArrayList<>();
            pathItem.path("parameters").forEach(parameters::add);
            op.path("parameters").forEach(parameters::add);
            Map<String, String> validQuery = new LinkedHashMap<>();
            for (JsonNode parameter : parameters) {
                String parameterName = parameter.path("name").asString();
                if ("query".equals(parameter.path("in").asString())
                        && (parameter.path("required").asBoolean(false) || queryValues.containsKey(parameterName))) {
                    validQuery.put(parameterName, queryValues.getOrDefault(parameterName,
                            sample(resolve(parameter.path("schema")))));
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
                            sendRaw("header " + name, path(Map.of()), validQuery, name, value));
                    default -> { }
                }
            }
            for (String header : headers) {
                if (parameters.stream().noneMatch(p -> header.equalsIgnoreCase(p.path("name").asString()))
                        && !method.equals("GET")) {
                    HOSTILE_HEADERS.forEach(value -> sendRaw("header " + header, path(Map.of()), validQuery, header,
                            value));
                }
            }
            for (String accept : List.of("x", "application/json, x/", "\u00E2\u0080\u00AE", "*/*;q=x",
                    "text/html")) {
                sendRaw("header Accept", path(Map.of()), validQuery, "Accept", accept);
            }
            if (!method.equals("GET")) {
                for (String type : List.of("application/json; charset=\u00FF", "application/json;" + "a".repeat(600),
                        "multipart/form-data", "application/x-www-form-urlencoded", "x")) {
                    sendRaw("header Content-Type", path(Map.of()), validQuery, "Content-Type", type);
                }
                send("form body with a broken escape", path(Map.of()), validQuery, null,
                        "application/x-www-form-urlencoded", "a=%FF&b=%00&c=%");
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
            mutateFields(valid, List.of(), schema, path, query, 0);
        }

        /**
         * Every property of the object at {@code at} (a path of names and list indexes into {@code root}) replaced by
         * each hostile value of its kind; nested objects, and the first object of a list of objects, likewise.
         */
        private void mutateFields(JsonNode root, List<Object> at, JsonNode schema, String path,
                Map<String, String> query, int depth) {
            if (depth > 3) {
                return;
            }
            JsonNode object = find(root, at);
            if (!object.isObject()) {
                return;
            }
            for (Map.Entry<String, JsonNode> property : resolve(schema).path("properties").properties()) {
                String field = property.getKey();
                JsonNode fieldSchema = resolve(property.getValue());
                List<Object> fieldPath = new ArrayList<>(at);
                fieldPath.add(field);
                String name = describe(fieldPath);
                for (String hostile : hostileValues(fieldSchema)) {
                    send("field " + name + "=" + shorten(hostile), path, query, null, "application/json",
                            JSON.writeValueAsString(with(root, fieldPath, JSON.readTree(hostile))));
                }
                JsonNode current = object.path(field);
                if (current.isObject() && fieldSchema.has("properties")) {
                    mutateFields(root, fieldPath, fieldSchema, path, query, depth + 1);
                } else if (current.isArray() && !current.isEmpty() && current.get(0).isObject()) {
                    List<Object> first = new ArrayList<>(fieldPath);
                    first.add(0);
                    mutateFields(root, first, resolve(fieldSchema.path("items")), path, query, depth + 1);
                }
            }
        }

        /** Sends a request with one header exactly as given, byte for byte (ISO-8859-1), over a plain socket. */
        private void sendRaw(String what, String path, Map<String, String> query, String header, String value) {
            StringBuilder target = new StringBuilder(path);
            char separator = '?';
            for (Map.Entry<String, String> q : query.entrySet()) {
                target.append(separator).append(q.getKey()).append('=').append(q.getValue());
                separator = '&';
            }
            URI base = URI.create(api.baseUrl());
            String request = method + " " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\n" + header + ": " + value
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                outcomes.add(judgeRaw(what, answer, ownErrorShape(template)));
            } catch (IOException e) {
                outcomes.add(new Outcome(what, 0, "no answer: " + e));
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
                        : values.getOrDefault(name, "fuzz-" + name);
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
            } else if (status >= 400 && ownErrorShape(template) != null) {
                String type = String.valueOf(response.contentType());
                if (!ownErrorShape(template).test(type, String.valueOf(response.rawBody()))) {
                    failure = status + " is not an error of the operation's own shape: " + type + " "
                            + shorten(String.valueOf(response.rawBody()));
                }
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

    /** The promises of a raw HTTP answer (status line, headers, body; a chunked body is read whole). */
    static Outcome judgeRaw(String what, String answer) {
        return judgeRaw(what, answer, null);
    }

    /** {@link #judgeRaw(String, String)} for an operation whose errors have {@code ownShape} (null: problem+json). */
    static Outcome judgeRaw(String what, String answer, java.util.function.BiPredicate<String, String> ownShape) {
        int headEnd = answer.indexOf("\r\n\r\n");
        String[] statusLine = answer.split(" ", 3);
        if (headEnd < 0 || statusLine.length < 2 || !statusLine[1].matches("\\d{3}")) {
            return new Outcome(what, 0, "no HTTP answer: " + shorten(answer));
        }
        int status = Integer.parseInt(statusLine[1]);
        String head = answer.substring(0, headEnd).toLowerCase(java.util.Locale.ROOT);
        String body = answer.substring(headEnd + 4);
        if (status >= 500) {
            return new Outcome(what, status, status + " " + shorten(body));
        }
        if (status >= 400 && ownShape != null) {
            java.util.regex.Matcher type = java.util.regex.Pattern.compile("content-type: ([^\\r\\n]*)").matcher(head);
            if (!ownShape.test(type.find() ? type.group(1) : "", body)) {
                return new Outcome(what, status, status + " is not an error of the operation's own shape");
            }
            return new Outcome(what, status, null);
        }
        if (status >= 400) {
            if (!head.contains("content-type: application/problem+json")) {
                return new Outcome(what, status, status + " is not problem+json");
            }
            if (!body.contains("\"code\":\"")) {
                return new Outcome(what, status, status + " problem without a code");
            }
        }
        return new Outcome(what, status, null);
    }

    /** The node at {@code path} (names and list indexes) in {@code root}; missing when there is none. */
    private static JsonNode find(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer index ? node.path(index) : node.path((String) step);
        }
        return node;
    }

    /** A copy of {@code root} with {@code value} at {@code path}. */
    private static JsonNode with(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = find(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object && last instanceof String name) {
            object.set(name, value);
        } else if (parent instanceof tools.jackson.databind.node.ArrayNode array && last instanceof Integer index) {
            array.set(index, value);
        }
        return copy;
    }

    private static String describe(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                out.append(out.isEmpty() ? "" : ".").append(step);
            }
        }
        return out.toString();
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
        if ("date".equals(schema.path("format").asString())) {
            return "2026-03-02";
        }
        if ("date-time".equals(schema.path("format").asString())) {
            return "2026-03-02T01:00:00Z";
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
                        "-0", "1e999999999", "-1e-999999999", "1" + "0".repeat(900), "0." + "0".repeat(900) + "1"));
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

    // ------------------------------------------------------------------------------------------------ records

    /** The readable record an operation acts on: the longest GET path that the operation's path extends. */
    private String snapshotPath(String template, Map<String, String> values) {
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
            String value = values.get(variable.group(1));
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
