package dev.onewindow.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokensTest {

    @ParameterizedTest
    @CsvSource({
            "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln, eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln",
            "bearer abc-._~+/, abc-._~+/",
            "BEARER abc==, abc=="})
    void wellFormedBearerTokensAreRead(String header, String token) {
        assertThat(BearerTokens.token(header)).isEqualTo(token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer  abc", "Bearer abc def", "Bearer ab=c", "Bearer ==",
            "Basic dXNlcjpwYXNz", "Token abc", "Bearerabc", "Bearer abc\n", "Bearer 中文"})
    void anythingElseIsMalformed(String header) {
        assertThat(BearerTokens.token(header)).isNull();
    }
}
