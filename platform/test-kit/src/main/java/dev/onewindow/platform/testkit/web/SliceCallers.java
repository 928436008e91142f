package dev.onewindow.platform.testkit.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/**
 * Keycloak-shaped callers for controller slice tests ({@code @WebMvcTest}): Spring Security's {@code jwt()} with the
 * realm roles in {@code realm_access.roles} and as {@code ROLE_*} authorities, as the platform's converter maps them,
 * plus the claims the services read ({@code dept}, {@code region}, {@code id_number}, {@code uscc}).
 */
public final class SliceCallers {

    /** A department and region staff callers belong to in slice tests. */
    public static final String DEPT = "SCJGJ";
    public static final String REGION = "341302";
    /** A valid resident ID number (check digit per GB 11643) for citizen callers. */
    public static final String ID_NUMBER = "110105194912310029";
    /** A valid unified social credit code for enterprise callers. */
    public static final String USCC = "91341302MA2T4K7B8P";

    private SliceCallers() {
    }

    /** A caller with these realm roles and the usual claims of its kind (staff: dept and region; citizens: ID). */
    public static JwtRequestPostProcessor withRoles(String... roles) {
        List<String> list = Arrays.asList(roles);
        return SecurityMockMvcRequestPostProcessors.jwt().jwt(jwt -> {
            jwt.subject("subject-" + String.join("-", list)).claim("preferred_username", "user-" + String.join("-", list))
                    .claim("azp", list.contains("partner") ? "partner-demo" : "onewindow-app")
                    .claim("realm_access", Map.of("roles", list));
            if (list.contains("citizen") || list.contains("enterprise")) {
                jwt.claim("id_number", ID_NUMBER);
            }
            if (list.contains("enterprise")) {
                jwt.claim("uscc", USCC);
            }
            if (list.stream().anyMatch(role -> !role.equals("citizen") && !role.equals("enterprise")
                    && !role.equals("partner"))) {
                jwt.claim("dept", DEPT).claim("region", REGION);
            }
        }).authorities(list.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList());
    }
}
