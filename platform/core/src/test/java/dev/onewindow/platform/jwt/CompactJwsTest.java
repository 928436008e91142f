package dev.onewindow.platform.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompactJwsTest {

    @ParameterizedTest
    @ValueSource(strings = {"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbg",
            "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmE"})
    void canonicalCompactJwsIsAccepted(String token) {
        assertThat(CompactJws.isCanonical(token)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In1.c2ln",     // payload: 2 unused bits set
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbh",   // signature: 4 unused bits set
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF",  // signature: 2 unused bits set
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lu=",    // padding
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2l+",     // base64, not base64url
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c",        // impossible length
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0",          // two parts
        "eyJhbGciOiJSUzI1NiJ9..c2ln", "a.b.c.d.e"})
    void anythingElseIsNotTheTokenThatWasSigned(String token) {
        assertThat(CompactJws.isCanonical(token)).isFalse();
    }
}
