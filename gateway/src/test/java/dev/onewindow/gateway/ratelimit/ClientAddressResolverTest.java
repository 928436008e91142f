package dev.onewindow.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressResolverTest {

    private final ClientAddressResolver resolver = new ClientAddressResolver(List.of("10.0.0.0/8", "127.0.0.1",
            "::1/128"));

    private static MockServerHttpRequest from(String peer, String... forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/v1/catalog/items")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        for (String value : forwardedFor) {
            request.header("X-Forwarded-For", value);
        }
        return request.build();
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItClaims() {
        assertThat(resolver.resolve(from("198.51.100.7", "203.0.113.9"))).isEqualTo("198.51.100.7");
    }

    @Test
    void behindATrustedProxyTheRightmostUntrustedHopIsTheClient() {
        // the client forged the first entry; the ingress appended the real peer address
        assertThat(resolver.resolve(from("10.1.2.3", "1.2.3.4, 203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(resolver.resolve(from("10.1.2.3", "203.0.113.9, 10.4.5.6"))).isEqualTo("203.0.113.9");
        assertThat(resolver.resolve(from("10.1.2.3", "203.0.113.9", "10.4.5.6"))).isEqualTo("203.0.113.9");
    }

    @Test
    void withoutForwardedForTheProxyItselfIsCounted() {
        assertThat(resolver.resolve(from("10.1.2.3"))).isEqualTo("10.1.2.3");
    }

    @Test
    void garbageOrHostNamesInForwardedForAreNeverResolved() {
        assertThat(resolver.resolve(from("10.1.2.3", "evil.example.com"))).isEqualTo("10.1.2.3");
        assertThat(resolver.resolve(from("10.1.2.3", "203.0.113.9, not-an-ip"))).isEqualTo("10.1.2.3");
        assertThat(resolver.resolve(from("10.1.2.3", "unknown, 203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void ipv6IsSupported() {
        assertThat(resolver.resolve(from("::1", "2001:db8::7"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(resolver.resolve(from("2001:db8::8", "203.0.113.9"))).isEqualTo("2001:db8:0:0:0:0:0:8");
    }

    @Test
    void rangesMatchByPrefix() {
        ClientAddressResolver.Cidr range = ClientAddressResolver.Cidr.parse("172.16.0.0/12");
        assertThat(range.contains(ClientAddressResolver.Cidr.literal("172.31.255.255"))).isTrue();
        assertThat(range.contains(ClientAddressResolver.Cidr.literal("172.32.0.1"))).isFalse();
        assertThat(range.contains(ClientAddressResolver.Cidr.literal("::1"))).isFalse();
        assertThatThrownBy(() -> ClientAddressResolver.Cidr.parse("ingress.local"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ClientAddressResolver.Cidr.parse("10.0.0.0/33"))
                .isInstanceOf(IllegalStateException.class);
    }
}
