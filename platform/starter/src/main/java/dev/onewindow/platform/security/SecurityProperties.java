package dev.onewindow.platform.security;

import java.util.List;

import dev.onewindow.platform.config.RequiredSetting;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token validation and service-account settings ({@code onewindow.security.*}).
 *
 * @param issuerUri      the Keycloak realm URL tokens must be issued by (required: the service fails closed)
 * @param jwkSetUri      where the realm's signing keys are published
 * @param audience       the audience every accepted token must carry
 * @param publicPaths    requests answered without a token, as {@code "GET /api/v1/catalog/**"} (method optional)
 * @param serviceAccount client credentials for work done without a user (event consumers, schedulers)
 * @param metricsClients Keycloak clients ({@code azp}) whose tokens may read the actuator's metrics and info
 *                       (default {@code [prometheus]}: Prometheus scrapes with OAuth2 client credentials)
 */
@ConfigurationProperties("onewindow.security")
public record SecurityProperties(String issuerUri, String jwkSetUri, String audience, List<String> publicPaths,
        ServiceAccount serviceAccount, List<String> metricsClients) {

    public SecurityProperties {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalStateException("onewindow.security.issuer-uri must be set: tokens cannot be validated");
        }
        if (jwkSetUri == null || jwkSetUri.isBlank()) {
            jwkSetUri = issuerUri + "/protocol/openid-connect/certs";
        }
        audience = audience == null || audience.isBlank() ? "onewindow" : audience;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        metricsClients = metricsClients == null ? List.of("prometheus") : List.copyOf(metricsClients);
        serviceAccount = serviceAccount == null ? new ServiceAccount(null, null, null, false) : serviceAccount;
        if (serviceAccount.required() && !serviceAccount.configured()) {
            // a client secret fails closed like every other secret (the local profile may relay the user's token)
            throw RequiredSetting.missing(serviceAccount.clientId() == null || serviceAccount.clientId().isBlank()
                    ? "onewindow.security.service-account.client-id" : "onewindow.security.service-account.client-secret",
                    "this service calls other services as its own Keycloak client");
        }
    }

    /**
     * The service's own Keycloak client (client-credentials grant). {@code required}: the service cannot do its
     * work without it (it must not start unconfigured).
     */
    public record ServiceAccount(String clientId, String clientSecret, String tokenUri, boolean required) {

        public boolean configured() {
            return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
        }
    }

    String tokenUri() {
        return serviceAccount.tokenUri() != null ? serviceAccount.tokenUri()
                : issuerUri + "/protocol/openid-connect/token";
    }
}
