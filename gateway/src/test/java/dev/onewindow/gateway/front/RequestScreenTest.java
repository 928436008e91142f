package dev.onewindow.gateway.front;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The front's direct-path screen: never wider than the strict firewall (what it refuses goes the full path). */
class RequestScreenTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "/api/v1/cases                          | 13",
        "/api/v1/cases/C-1?page=2&size=20       | 17",
        "/api/v1/catalog/items?q=%E8%90%A5%E4%B8%9A | 21",
        "/api/v1/cases/by-applicant/34130219900101123X | 45",
        "/api/v1/licenses/verify/abc_~.-!$&'()*+,=:@ | 43",
    })
    void plainRequestLinesGiveTheirPathLength(String uri, int pathLength) {
        assertThat(RequestScreen.plainPathLength(uri)).isEqualTo(pathLength);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "*", "http://evil.example/api/v1/cases", "api/v1/cases",
        "/api/v1/cases/a%2Fb", "/api/v1/cases/%2e%2e/admin", "/api/v1/cases/a;jsessionid=1", "/api/v1/cases\\x",
        "/api//v1/cases", "/api/v1/./cases", "/api/v1/../admin", "/api/v1/cases/..", "/api/v1/cases/.",
        "/api/v1/cases/ä", "/api/v1/cases?q=%00", "/api/v1/cases?q=%0a", "/api/v1/cases?q=%7f", "/api/v1/cases?q=%zz",
        "/api/v1/cases?q=%4", "/api/v1/cases?q=a b", "/api/v1/cases?q=a#frag", "/api/v1/cases?q=ü",
    })
    void anythingElseIsLeftToTheFirewall(String uri) {
        assertThat(RequestScreen.plainPathLength(uri)).isEqualTo(-1);
    }

    @Test
    void headersMustBeTokensWithPlainValues() {
        assertThat(RequestScreen.plainHeaders(headers("Accept", "application/json", "X-Note", "a\tb ü"))).isTrue();
        assertThat(RequestScreen.plainHeaders(headers("X-Bad Name", "x"))).isFalse();
        assertThat(RequestScreen.plainHeaders(headers("X-Bad(", "x"))).isFalse();
        assertThat(RequestScreen.plainHeaders(headers("X-Control", "a\u0001b"))).isFalse();
        assertThat(RequestScreen.plainHeaders(headers("X-Control", "a\u0085b"))).isFalse();
    }

    @Test
    void aRouteMatchesItsPrefixAsAWholeSegment() {
        DirectRoute route = new DirectRoute("case-handling", "/api/v1/cases", null, null, 1, 1);

        assertThat(route.matches("/api/v1/cases", 13)).isTrue();
        assertThat(route.matches("/api/v1/cases/C-1", 17)).isTrue();
        assertThat(route.matches("/api/v1/cases?x=1", 13)).isTrue();
        assertThat(route.matches("/api/v1/casesX", 14)).isFalse();
        assertThat(route.matches("/api/v1/case", 12)).isFalse();
    }

    private static HttpHeaders headers(String... namesAndValues) {
        HttpHeaders headers = DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }
}
