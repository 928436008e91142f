package dev.onewindow.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestTextFilterTest {

    @Test
    void percentEncodingIsDecodedStrictlyAsUtf8() {
        assertThat(RequestTextFilter.decode("%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7", true)).isEqualTo("营业执照");
        assertThat(RequestTextFilter.decode("a+b%20c", true)).isEqualTo("a b c");
        assertThat(RequestTextFilter.decode("a+b", false)).isEqualTo("a+b");
        for (String malformed : new String[] {"%FF", "%C0%AF", "%ED%A0%80", "%E8%90", "%", "%G1", "%4"}) {
            assertThat(RequestTextFilter.decode(malformed, true)).as(malformed).isNull();
        }
    }

    @Test
    void queryParametersFollowTheTextPolicy() {
        assertThat(RequestTextFilter.checkQuery("q=%E8%90%A5%E4%B8%9A&page=0&size=20")).isNull();
        assertThat(RequestTextFilter.checkQuery("q=%FF").code()).isEqualTo("INVALID_ENCODING");
        assertThat(RequestTextFilter.checkQuery("q=a%00b").code()).isEqualTo("INVALID_TEXT");
        assertThat(RequestTextFilter.checkQuery("q=abc%E2%80%AEfdp").violation().code()).isEqualTo("BIDI_CONTROL");
        assertThat(RequestTextFilter.checkQuery("q%00=1").code()).isEqualTo("INVALID_TEXT");
        assertThat(RequestTextFilter.checkQuery("q=" + "x".repeat(RequestTextFilter.MAX_PARAMETER_LENGTH + 1))
                .violation().code()).isEqualTo("TOO_LONG");
        assertThat(RequestTextFilter.checkQuery("q=line%0Abreak").code()).isEqualTo("INVALID_TEXT");
    }

    @Test
    void pathSegmentsFollowTheTextPolicy() {
        assertThat(RequestTextFilter.checkPath("/api/v1/catalog/entries/XK00105000341300SCJGJ")).isNull();
        assertThat(RequestTextFilter.checkPath("/api/v1/cases/%E2%80%AE1").code()).isEqualTo("INVALID_TEXT");
        assertThat(RequestTextFilter.checkPath("/api/v1/cases/%FF").code()).isEqualTo("INVALID_ENCODING");
    }

    @Test
    void ifNoneMatchIsAStarOrAListOfEntityTags() {
        for (String valid : new String[] {"*", " * ", "\"0a1b\"", "W/\"7\"", "\"\"", "\"a\", W/\"b\",\"c\"",
                "\"a\",,\t\"b\"", ", \"a\"", "\"a\",", "\"x,y\"", "\"!#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\"", ""}) {
            assertThat(RequestTextFilter.checkIfNoneMatch(valid)).as(valid).isNull();
        }
        for (String malformed : new String[] {"abc", "7", "\"abc", "abc\"", "W/abc", "w/\"a\"", "W/ \"a\"",
                "\"a\" \"b\"", "*, \"a\"", "\"a\", *", "\"a\"b\"", "\"a\u00e9\"", "\"a\u0001\"", "-1",
                "\"" + "x".repeat(RequestTextFilter.MAX_HEADER_LENGTH) + "\""}) {
            RequestTextFilter.Refusal refusal = RequestTextFilter.checkIfNoneMatch(malformed);
            assertThat(refusal).as(malformed).isNotNull();
            assertThat(refusal.code()).isEqualTo("INVALID_HEADER");
            assertThat(refusal.violation().field()).isEqualTo("If-None-Match");
        }
    }
}
