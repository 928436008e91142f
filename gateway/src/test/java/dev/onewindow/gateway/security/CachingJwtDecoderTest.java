package dev.onewindow.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class CachingJwtDecoderTest {

    private Instant now = Instant.parse("2026-11-23T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AtomicInteger verifications = new AtomicInteger();

    /** A stand-in for the JWKS-verifying decoder: "bad" tokens fail, others expire 5 minutes after "now". */
    private final ReactiveJwtDecoder verifying = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("bad")) {
            return Mono.error(new BadJwtException("signature"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("officer1")
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(5))).build());
    };

    @Test
    void aTokenIsVerifiedOnceAndThenServedFromTheCache() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, 100, Duration.ofMinutes(10), clock);

        Jwt first = decoder.decode("token-a").block();
        Jwt second = decoder.decode("token-a").block();

        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void anExpiredTokenIsNeverServedFromTheCache() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, 100, Duration.ofMinutes(10), clock);
        decoder.decode("token-a").block();

        now = now.plus(Duration.ofMinutes(5)).plusMillis(1);
        decoder.decode("token-a").block();

        assertThat(verifications).as("verified again after its exp").hasValue(2);
    }

    @Test
    void maxTtlCapsHowLongAnEntryIsReused() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, 100, Duration.ofSeconds(30), clock);
        decoder.decode("token-a").block();

        now = now.plusSeconds(31);
        decoder.decode("token-a").block();

        assertThat(verifications).hasValue(2);
    }

    @Test
    void refusedTokensAreNotCached() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, 100, Duration.ofMinutes(10), clock);

        assertThatThrownBy(() -> decoder.decode("bad-token").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad-token").block()).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void theCacheIsBounded() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, 3, Duration.ofMinutes(10), clock);
        for (int i = 0; i < 10; i++) {
            decoder.decode("token-" + i).block();
        }
        assertThat(decoder.size()).isEqualTo(3);

        now = now.plus(Duration.ofMinutes(6)); // all expired: room is made for new tokens
        decoder.decode("token-new").block();
        assertThat(decoder.size()).isEqualTo(1);
    }

    @Test
    void zeroEntriesDisablesTheCache() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, 0, Duration.ofMinutes(10), clock);
        decoder.decode("token-a").block();
        decoder.decode("token-a").block();
        assertThat(verifications).hasValue(2);
    }
}
