package dev.onewindow.platform.apidocs;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a service's OpenAPI document says about reaching it ({@code onewindow.api-docs.*}).
 *
 * @param authorizationUrl  Keycloak's browser sign-in endpoint (default: the issuer's {@code /protocol/openid-connect/auth})
 * @param tokenUrl          Keycloak's token endpoint (default: the issuer's {@code /protocol/openid-connect/token})
 * @param serverUrl         where clients send requests: {@code /}, the origin the document was read from (the gateway)
 * @param serverDescription who that server is for, in which environment
 * @param contactName       who answers questions about the API
 * @param contactEmail      their address (optional)
 */
@ConfigurationProperties("onewindow.api-docs")
public record ApiDocsProperties(String authorizationUrl, String tokenUrl, String serverUrl, String serverDescription,
        String contactName, String contactEmail) {

    public ApiDocsProperties {
        serverUrl = blank(serverUrl) ? "/" : serverUrl;
        serverDescription = blank(serverDescription)
                ? "The OneWindow gateway, production and local alike: the origin this document was read from"
                : serverDescription;
        contactName = blank(contactName) ? "OneWindow platform team" : contactName;
    }

    String authorizationUrl(String issuer) {
        return blank(authorizationUrl) ? issuer + "/protocol/openid-connect/auth" : authorizationUrl;
    }

    String tokenUrl(String issuer) {
        return blank(tokenUrl) ? issuer + "/protocol/openid-connect/token" : tokenUrl;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
