package dev.onewindow.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Verifies a token's signature and claims once and reuses the result for the same token string until the token
 * expires (or {@code maxTtl} passes, whichever is first), so a client that sends the same token on every call costs
 * one RSA verification, not one per request. Only successfully validated tokens are cached; an entry is never served
 * after the token's {@code exp}. Memory is bounded by {@code maxEntries}: when full, expired entries are dropped and,
 * if still full, new tokens are validated without being cached.
 */
public final class CachingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final int maxEntries;
    private final long maxTtlMillis;
    private final Clock clock;
    private final ConcurrentHashMap<TokenKey, Entry> cache = new ConcurrentHashMap<>();

    public CachingJwtDecoder(ReactiveJwtDecoder delegate, int maxEntries, Duration maxTtl, Clock clock) {
        this.delegate = delegate;
        this.maxEntries = maxEntries;
        this.maxTtlMillis = maxTtl.toMillis();
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Entry entry = valid(token);
        if (entry != null) {
            return entry.mono;
        }
        return delegate.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    /** The verified token from the cache, without any reactive wrapping; {@code null} when it must be verified. */
    public Jwt cached(String token) {
        Entry entry = valid(token);
        return entry != null ? entry.jwt : null;
    }

    private Entry valid(String token) {
        TokenKey key = new TokenKey(token);
        Entry entry = cache.get(key);
        if (entry != null) {
            if (entry.validUntil > clock.millis()) {
                return entry;
            }
            cache.remove(key, entry);
        }
        return null;
    }

    private void remember(String token, Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (maxEntries <= 0 || expiresAt == null) {
            return;
        }
        long now = clock.millis();
        long validUntil = Math.min(expiresAt.toEpochMilli(), now + maxTtlMillis);
        if (validUntil <= now) {
            return;
        }
        if (cache.size() >= maxEntries) {
            evictExpired();
            if (cache.size() >= maxEntries) {
                return;
            }
        }
        cache.put(new TokenKey(token), new Entry(jwt, Mono.just(jwt), validUntil));
    }

    /** Drops expired entries; called when the cache is full and periodically. */
    public void evictExpired() {
        long now = clock.millis();
        cache.values().removeIf(entry -> entry.validUntil <= now);
    }

    int size() {
        return cache.size();
    }

    /**
     * A token as cache key: hashed over its last 64 characters only — the signature, different for every token —
     * instead of the whole kilobyte on every look-up; still compared whole. Only verified tokens are ever stored, so
     * a caller cannot fill the cache with colliding keys.
     */
    private static final class TokenKey {
        private final String token;
        private final int hash;

        TokenKey(String token) {
            this.token = token;
            int h = token.length();
            for (int i = Math.max(0, token.length() - 64); i < token.length(); i++) {
                h = 31 * h + token.charAt(i);
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TokenKey key && key.hash == hash && key.token.equals(token);
        }
    }

    private record Entry(Jwt jwt, Mono<Jwt> mono, long validUntil) {
    }
}
