package dev.onewindow.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/** Maps Keycloak's {@code realm_access.roles} claim to {@code ROLE_*} authorities, as the services do. */
public final class KeycloakRoles implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    public static final String PARTNER = "partner";

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.just(new JwtAuthenticationToken(jwt, authorities(jwt)));
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<String> roles = roles(jwt);
        List<GrantedAuthority> authorities = new ArrayList<>(roles.size());
        for (String role : roles) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        }
        return authorities;
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
