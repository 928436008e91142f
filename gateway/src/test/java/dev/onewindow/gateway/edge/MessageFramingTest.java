package dev.onewindow.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.onewindow.gateway.problem.GatewayProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;

class MessageFramingTest {

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "gateway:8080", "api.onewindow.gov.cn", "127.0.0.1:80", "[::1]", "[::1]:8080",
            "a-b_c~d", "xn--fiqs8s", "%41b"})
    void validHosts(String host) {
        assertThat(MessageFraming.isValidHost(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a b", "a/b", "u@a", "a:", "a:99999", "a:8o", ":80", "[::1", "[]", "[x]", "a:1:2",
            "a%4", "a%zz", "a\tb", "é.cn"})
    void invalidHosts(String host) {
        assertThat(MessageFraming.isValidHost(host)).isFalse();
    }

    @Test
    void hostIsRequiredOnHttp11Only() {
        assertThat(MessageFraming.check(new HttpHeaders(), true)).isNotNull();
        assertThat(MessageFraming.check(new HttpHeaders(), false)).isNull();
    }

    @Test
    void transferCodingsEndInExactlyOneChunked() {
        assertThat(MessageFraming.checkTransferCodings(List.of("chunked"))).isNull();
        assertThat(MessageFraming.checkTransferCodings(List.of("Chunked"))).isNull();
        assertThat(status(List.of("xchunked"))).isEqualTo(400);
        assertThat(status(List.of("chunked, gzip"))).isEqualTo(400);
        assertThat(status(List.of("chunked", "chunked"))).isEqualTo(400);
        assertThat(status(List.of(""))).isEqualTo(400);
        assertThat(status(List.of("gzip, chunked"))).isEqualTo(501);
        assertThat(status(List.of("gzip", "chunked"))).isEqualTo(501);
    }

    @Test
    void transferEncodingWithContentLengthIsRefusedAndEveryRefusalCloses() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Host", "gateway");
        headers.set("Transfer-Encoding", "chunked");
        headers.set("Content-Length", "4");

        GatewayProblem refused = MessageFraming.check(headers, true);

        assertThat(refused.status().value()).isEqualTo(400);
        assertThat(refused.headers().getFirst("Connection")).isEqualTo("close");
    }

    private static int status(List<String> codings) {
        return MessageFraming.checkTransferCodings(codings).status().value();
    }
}
