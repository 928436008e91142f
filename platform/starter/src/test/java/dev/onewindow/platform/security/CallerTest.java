package dev.onewindow.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {

    @Test
    void takesRolesDepartmentAndRegionFromAKeycloakToken() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("u-1")
                .claim("preferred_username", "officer1").claim("azp", "onewindow-app")
                .claim("realm_access", Map.of("roles", List.of("window-officer", "reviewer")))
                .claim("dept", "SCJGJ").claim("region", "341300").claim("id_number", "11010519491231002X")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        Caller caller = Caller.from(jwt);
        assertThat(caller.roles()).containsExactlyInAnyOrder("window-officer", "reviewer");
        assertThat(caller.hasRole("reviewer")).isTrue();
        assertThat(caller.hasAnyRole("approver", "citizen")).isFalse();
        assertThat(caller.inDepartment("SCJGJ")).isTrue();
        assertThat(caller.inDepartment("GAJ")).isFalse();
        assertThat(caller.toString()).doesNotContain("11010519491231002X").contains("110105********002X");
        assertThat(ServiceSecurityAutoConfiguration.realmRoles().convert(jwt))
                .extracting(Object::toString).containsExactlyInAnyOrder("ROLE_window-officer", "ROLE_reviewer");
    }

    @Test
    void aTokenWithoutRealmRolesHasNone() {
        assertThat(Caller.realmRoles(Map.of("sub", "x"))).isEmpty();
        assertThat(Caller.realmRoles(Map.of("realm_access", "garbage"))).isEmpty();
    }
}
