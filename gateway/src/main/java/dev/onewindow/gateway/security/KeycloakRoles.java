package dev.onewindow.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.jwt.Jwt;

/** Reads Keycloak's {@code realm_access.roles} claim, as the services do. */
public final class KeycloakRoles {

    public static final String PARTNER = "partner";

    private KeycloakRoles() {
    }

    public static List<String> roles(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
            List<String> names = new ArrayList<>(roles.size());
            for (Object role : roles) {
                if (role instanceof String name) {
                    names.add(name);
                }
            }
            return names;
        }
        return List.of();
    }
}
