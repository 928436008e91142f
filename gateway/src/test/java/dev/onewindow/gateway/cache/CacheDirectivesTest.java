package dev.onewindow.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CacheDirectivesTest {

    @ParameterizedTest(name = "{0} -> {1} s")
    @CsvSource(delimiter = '|', textBlock = """
            max-age=60                                    | 60
            public, max-age=60                            | 60
            PUBLIC, MAX-AGE=60                            | 60
            max-age="60"                                  | 60
            max-age=60, must-revalidate, no-transform     | 60
            s-maxage=30, max-age=60                       | 30
            max-age=60, s-maxage=30                       | 30
            max-age=60, max-age=60                        | 60
            ,max-age=60,,                                 | 60
            max-age=60 , immutable                        | 60
            max-age=99999999999                           | 2147483648
            """)
    void storableAnswersKeepTheirOwnLifetime(String cacheControl, long seconds) {
        assertThat(CacheDirectives.sharedLifetime(List.of(cacheControl))).isEqualTo(seconds);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"private", "no-store", "no-cache", "private, no-store", "no-store, private",
            "no-cache, no-store, max-age=0, must-revalidate", "max-age=60, private", "max-age=60, PRIVATE",
            "Private, max-age=60", "max-age=60, no-store", "max-age=60, No-Cache", "private=\"Set-Cookie\", max-age=60",
            "max-age=60, no-cache=\"Set-Cookie, X-Token\"", "public", "max-age=0", "s-maxage=0, max-age=60",
            "max-age=60, max-age=30", "max-age=60, x-unknown", "max-age=sixty", "max-age=-1", "max-age=", "max-age",
            "max-age=\"60", "max-age=60 private", "max-age=6 0", "max-age=60; private", "", " ", "=60"})
    void answersASharedCacheMustNotKeepAreNotStorable(String cacheControl) {
        assertThat(CacheDirectives.sharedLifetime(List.of(cacheControl))).isEqualTo(CacheDirectives.NOT_STORABLE);
    }

    @Test
    void everyHeaderLineCounts() {
        assertThat(CacheDirectives.sharedLifetime(List.of("max-age=60", "private")))
                .isEqualTo(CacheDirectives.NOT_STORABLE);
        assertThat(CacheDirectives.sharedLifetime(List.of("public", "no-store"))).isEqualTo(CacheDirectives.NOT_STORABLE);
        assertThat(CacheDirectives.sharedLifetime(List.of("public", "max-age=60"))).isEqualTo(60);
    }

    @Test
    void noCacheControlIsNotStorable() {
        assertThat(CacheDirectives.sharedLifetime(null)).isEqualTo(CacheDirectives.NOT_STORABLE);
        assertThat(CacheDirectives.sharedLifetime(List.of())).isEqualTo(CacheDirectives.NOT_STORABLE);
    }
}
