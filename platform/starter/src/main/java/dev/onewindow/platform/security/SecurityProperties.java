package dev.onewindow.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token validation and service-account settings ({@code onewindow.security.*}).
 *
 * @param issuerUri      the Keycloak realm URL tokens must be issued by (required: the service fails closed)
 * @param jwkSetUri      where the realm's signing keys are published
 * @param audience       the audience every accepted token must carry
 * @param publicPaths    requests answered without a token, as {@code "GET /api/v1/catalog/**"} (method optional)
 * @param serviceAccount client credentials for work done without a user (event consumers, schedulers)
 */
@ConfigurationProperties("onewindow.security")
public record SecurityProperties(String issuerUri, String jwkSetUri, String audience, List<String> publicPaths,
        ServiceAccount serviceAccount) {

    public SecurityProperties {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalStateException("onewindow.security.issuer-uri must be set: tokens cannot be validated");
        }
        if (jwkSetUri == null || jwkSetUri.isBlank()) {
            jwkSetUri = issuerUri + "/protocol/openid-connect/certs";
        }
        audience = audience == null || audience.isBlank() ? "onewindow" : audience;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        serviceAccount = serviceAccount == null ? new ServiceAccount(null, null, null) : serviceAccount;
    }

    /** The service's own Keycloak client (client-credentials grant). */
    public record ServiceAccount(String clientId, String clientSecret, String tokenUri) {

        public boolean configured() {
            return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
        }
    }

    String tokenUri() {
        return serviceAccount.tokenUri() != null ? serviceAccount.tokenUri()
                : issuerUri + "/protocol/openid-connect/token";
    }
}
