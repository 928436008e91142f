package dev.onewindow.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class PublicPathTest {

    @Test
    void entriesNameMethodsAndAPattern() {
        assertThat(PublicPath.parse("GET /api/v1/catalog/**"))
                .isEqualTo(new PublicPath(List.of(HttpMethod.GET), "/api/v1/catalog/**"));
        assertThat(PublicPath.parse(" get,POST  /api/v1/licenses/verify/** "))
                .isEqualTo(new PublicPath(List.of(HttpMethod.GET, HttpMethod.POST), "/api/v1/licenses/verify/**"));
        assertThat(PublicPath.parse("/open311/**")).isEqualTo(new PublicPath(List.of(), "/open311/**"));
    }

    @Test
    void aPatternMustBeAPath() {
        assertThatThrownBy(() -> PublicPath.parse("GET api/v1/catalog")).isInstanceOf(IllegalStateException.class);
    }
}
