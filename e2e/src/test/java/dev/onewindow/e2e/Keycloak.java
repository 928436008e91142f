package dev.onewindow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Logs in to the real Keycloak of the local stack, as the app (password grant, dev realm) or a partner system. */
final class Keycloak {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN_URL = LocalStack.KEYCLOAK + "/realms/onewindow/protocol/openid-connect/token";

    private Keycloak() {
    }

    /** An access token for a demo user (all demo passwords are {@code onewindow} in the dev realm only). */
    static String login(String username) {
        return token(Map.of("grant_type", "password", "client_id", "onewindow-app", "username", username,
                "password", "onewindow"));
    }

    static String partnerToken() {
        return token(Map.of("grant_type", "client_credentials", "client_id", "partner-demo",
                "client_secret", "partner-demo-secret"));
    }

    private static String token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(TOKEN_URL))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !json.has("access_token")) {
                throw new AssertionError("Keycloak refused the login: " + response.statusCode() + " " + response.body());
            }
            return json.get("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
