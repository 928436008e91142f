package dev.onewindow.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token validation ({@code onewindow.security.*}), the same property names the services use.
 *
 * @param issuerUri the Keycloak realm URL tokens must be issued by (required: the gateway fails closed)
 * @param jwkSetUri where the realm publishes its signing keys (default: the issuer's Keycloak certs endpoint)
 * @param audience  the audience every accepted token must carry
 */
@ConfigurationProperties("onewindow.security")
public record TokenProperties(String issuerUri, String jwkSetUri, String audience) {

    public TokenProperties {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalStateException("onewindow.security.issuer-uri must be set: tokens cannot be validated");
        }
        if (jwkSetUri == null || jwkSetUri.isBlank()) {
            jwkSetUri = issuerUri + "/protocol/openid-connect/certs";
        }
        audience = audience == null || audience.isBlank() ? "onewindow" : audience;
    }
}
