package dev.onewindow.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.onewindow.platform.personal.Masking;
import dev.onewindow.platform.region.Regions;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, taken only from the validated token — never from a header or the request body. Staff carry
 * {@code dept} and {@code region}; citizens are identified by {@code subject} (and {@code idNumber} when the identity
 * provider vouches for it); partner systems and service accounts by {@code clientId}.
 */
public record Caller(String subject, String username, String clientId, Set<String> roles, String dept,
        String region, String idNumber, String uscc) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller from(Jwt jwt) {
        return new Caller(jwt.getSubject(), jwt.getClaimAsString("preferred_username"), jwt.getClaimAsString("azp"),
                realmRoles(jwt.getClaims()), jwt.getClaimAsString("dept"), jwt.getClaimAsString("region"),
                jwt.getClaimAsString("id_number"), jwt.getClaimAsString("uscc"));
    }

    /** Keycloak puts realm roles under {@code realm_access.roles}. */
    static Set<String> realmRoles(Map<String, Object> claims) {
        if (claims.get("realm_access") instanceof Map<?, ?> realmAccess
                && realmAccess.get("roles") instanceof Collection<?> roles) {
            return Set.copyOf(roles.stream().map(String::valueOf).toList());
        }
        return Set.of();
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        return List.of(candidates).stream().anyMatch(roles::contains);
    }

    /** Whether a record of {@code recordRegion} lies within the caller's region (a city covers its districts). */
    public boolean inRegion(String recordRegion) {
        return Regions.covers(region, recordRegion);
    }

    /** Same department as a record's owning department (staff data scoping). */
    public boolean inDepartment(String department) {
        return dept != null && dept.equals(department);
    }

    @Override
    public String toString() {
        return "Caller[subject=" + subject + ", username=" + username + ", clientId=" + clientId + ", roles=" + roles
                + ", dept=" + dept + ", region=" + region + ", idNumber=" + Masking.idNumber(idNumber) + "]";
    }
}
