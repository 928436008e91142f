package dev.onewindow.gateway.ratelimit;

import dev.onewindow.gateway.security.KeycloakRoles;
import org.springframework.security.oauth2.jwt.Jwt;

/** The bucket a request is counted in: {@code client:<azp>}, {@code user:<sub>} or {@code ip:<address>}. */
public record ClientKey(ClientClass clientClass, String value) {

    public static ClientKey of(Jwt jwt) {
        if (KeycloakRoles.roles(jwt).contains(KeycloakRoles.PARTNER)) {
            String clientId = jwt.getClaimAsString("azp");
            return new ClientKey(ClientClass.PARTNER, "client:" + (clientId != null ? clientId : jwt.getSubject()));
        }
        return new ClientKey(ClientClass.USER, "user:" + jwt.getSubject());
    }

    public static ClientKey anonymous(String address) {
        return new ClientKey(ClientClass.ANONYMOUS, "ip:" + address);
    }
}
