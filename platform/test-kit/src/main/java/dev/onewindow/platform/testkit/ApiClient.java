package dev.onewindow.platform.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for black-box tests: sends what a partner system or the app would send and returns status,
 * headers and the parsed body. No Spring test magic in between, so what passes here passes for a real client.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    private ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static ApiClient at(String baseUrl) {
        return new ApiClient(baseUrl);
    }

    public static ApiClient localPort(int port) {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    /** Where the calls go, e.g. {@code http://127.0.0.1:8080}. */
    public String baseUrl() {
        return baseUrl;
    }

    public Call get(String path) { return new Call("GET", path); }
    public Call post(String path) { return new Call("POST", path); }
    public Call put(String path) { return new Call("PUT", path); }
    public Call patch(String path) { return new Call("PATCH", path); }
    public Call delete(String path) { return new Call("DELETE", path); }

    /** One request being built. */
    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call token(String bearer) { return header("Authorization", "Bearer " + bearer); }
        public Call header(String name, String value) { headers.put(name, value); return this; }

        /** A JSON body: a String is sent as is, anything else is serialised. */
        public Call json(Object value) {
            headers.putIfAbsent("Content-Type", "application/json");
            this.body = value instanceof String s ? s : JSON.writeValueAsString(value);
            return this;
        }

        public Call body(String contentType, String value) {
            headers.put("Content-Type", contentType);
            this.body = value;
            return this;
        }

        public Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Status, headers and body of one answer. */
    public record Response(int status, Map<String, java.util.List<String>> headers, String rawBody) {

        public JsonNode json() {
            return rawBody == null || rawBody.isBlank() ? JSON.missingNode() : JSON.readTree(rawBody);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }

        /** Every value of a header, each field line split at its commas ({@code Vary: Origin, Authorization}). */
        public java.util.List<String> headerValues(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).flatMap(v -> java.util.Arrays.stream(v.split(",")))
                    .map(String::trim).filter(v -> !v.isEmpty()).toList();
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + rawBody;
        }
    }
}
