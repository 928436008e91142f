package dev.onewindow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logs in to the real Keycloak of the local stack: as the app (password grant, dev realm), as a partner system, or
 * as a person on a web page does (authorization code with PKCE, the token fetched from the page's origin).
 */
final class Keycloak {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REALM_URL = LocalStack.KEYCLOAK + "/realms/onewindow/protocol/openid-connect";
    private static final String TOKEN_URL = REALM_URL + "/token";
    private static final Pattern FORM_ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private Keycloak() {
    }

    /** An access token for a demo user (all demo passwords are {@code onewindow} in the dev realm only). */
    static String login(String username) {
        return token(Map.of("grant_type", "password", "client_id", "onewindow-app", "username", username,
                "password", "onewindow"));
    }

    static String partnerToken() {
        return clientToken("partner-demo");
    }

    /** A system's token by client credentials (dev realm secrets are {@code <client>-secret}). */
    static String clientToken(String clientId) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientId + "-secret"));
    }

    /**
     * Signs {@code username} in the way a browser on {@code pageOrigin} does with the public app client: the
     * authorization request with a PKCE challenge, Keycloak's login form, the redirect back to {@code redirectUri}
     * with a code, and the code exchanged for a token by a request from the page's origin (CORS).
     */
    static String signInFromPage(String username, String pageOrigin, String redirectUri) {
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        List<String> cookies = new ArrayList<>();
        HttpResponse<String> loginPage = send(http, HttpRequest.newBuilder(URI.create(REALM_URL + "/auth?" + form(Map.of(
                "response_type", "code", "client_id", "onewindow-app", "redirect_uri", redirectUri, "scope", "openid",
                "state", "e2e", "code_challenge", challenge, "code_challenge_method", "S256")))).GET(), cookies);
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        if (loginPage.statusCode() != 200 || !action.find()) {
            throw new AssertionError("Keycloak showed no login form: " + loginPage.statusCode());
        }
        HttpResponse<String> loggedIn = send(http, HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", "onewindow")))),
                cookies);
        String location = loggedIn.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "Keycloak did not redirect after the login: " + loggedIn.statusCode()));
        if (!location.startsWith(redirectUri + "?")) {
            throw new AssertionError("Keycloak redirected elsewhere: " + location);
        }
        String code = null;
        for (String parameter : location.substring(redirectUri.length() + 1).split("&")) {
            if (parameter.startsWith("code=")) {
                code = URLDecoder.decode(parameter.substring(5), StandardCharsets.UTF_8);
            }
        }
        HttpResponse<String> token = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(TOKEN_URL))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", pageOrigin)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "client_id", "onewindow-app", "code", String.valueOf(code), "redirect_uri", redirectUri,
                        "code_verifier", verifier)))), new ArrayList<>());
        if (token.statusCode() != 200 || !pageOrigin.equals(
                token.headers().firstValue("Access-Control-Allow-Origin").orElse(""))) {
            throw new AssertionError("the page could not fetch its token: " + token.statusCode() + " "
                    + token.headers().firstValue("Access-Control-Allow-Origin").orElse("(no CORS header)") + " "
                    + token.body());
        }
        return JSON.readTree(token.body()).get("access_token").asString();
    }

    /** One request, sending and keeping cookies as a browser on localhost does (Secure ones included). */
    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request, List<String> cookies) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(cookie -> cookies.add(cookie.split(";", 2)[0]));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(Map<String, String> form) {
        String body = form(form);
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
