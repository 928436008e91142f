package dev.onewindow.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void ifNoneMatchUsesTheWeakComparison() {
        assertThat(EntityTags.anyMatches(List.of("\"v1\""), "\"v1\"")).isTrue();
        assertThat(EntityTags.anyMatches(List.of("W/\"v1\""), "\"v1\"")).isTrue();
        assertThat(EntityTags.anyMatches(List.of("\"a\", \"v1\""), "\"v1\"")).isTrue();
        assertThat(EntityTags.anyMatches(List.of("\"a\"", "\"v1\""), "\"v1\"")).isTrue();
        assertThat(EntityTags.anyMatches(List.of("*"), "\"v1\"")).isTrue();
        assertThat(EntityTags.anyMatches(List.of("\"a,b\""), "\"a,b\"")).isTrue();
    }

    @Test
    void otherOrMalformedTagsDoNotMatch() {
        assertThat(EntityTags.anyMatches(List.of("\"v2\""), "\"v1\"")).isFalse();
        assertThat(EntityTags.anyMatches(List.of("\"v1"), "\"v1\"")).isFalse();
        assertThat(EntityTags.anyMatches(List.of("v1"), "\"v1\"")).isFalse();
        assertThat(EntityTags.anyMatches(List.of("\"v10\""), "\"v1\"")).isFalse();
        assertThat(EntityTags.anyMatches(List.of(), "\"v1\"")).isFalse();
        assertThat(EntityTags.anyMatches(List.of("\"v1\""), "v1")).isFalse();
    }
}
