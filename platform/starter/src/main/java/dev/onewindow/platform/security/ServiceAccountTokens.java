package dev.onewindow.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The service's own access token (OAuth2 client-credentials grant against Keycloak) for work done without a user,
 * such as event consumers calling another service. Cached until shortly before it expires.
 */
public class ServiceAccountTokens {

    private static final long REFRESH_MARGIN_SECONDS = 30;

    private final SecurityProperties properties;
    private final RestClient http;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.EPOCH;

    public ServiceAccountTokens(SecurityProperties properties, Clock clock) {
        this.properties = properties;
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(2));
        timeouts.setReadTimeout(Duration.ofSeconds(5));
        this.http = RestClient.builder().requestFactory(timeouts).build();
        this.clock = clock;
    }

    public boolean configured() {
        return properties.serviceAccount().configured();
    }

    public synchronized String token() {
        if (token == null || clock.instant().isAfter(expiresAt.minusSeconds(REFRESH_MARGIN_SECONDS))) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", properties.serviceAccount().clientId());
            form.add("client_secret", properties.serviceAccount().clientSecret());
            Map<?, ?> response = http.post().uri(properties.tokenUri())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .retrieve().body(Map.class);
            if (response == null || !(response.get("access_token") instanceof String accessToken)) {
                throw new IllegalStateException("the identity provider returned no service-account token");
            }
            token = accessToken;
            long lifetime = response.get("expires_in") instanceof Number n ? n.longValue() : 60;
            expiresAt = clock.instant().plusSeconds(lifetime);
        }
        return token;
    }
}
