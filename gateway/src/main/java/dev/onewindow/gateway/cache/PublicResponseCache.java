package dev.onewindow.gateway.cache;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * The store of anonymous public reads: a Caffeine cache bounded by weight (body, headers and key, estimated), each
 * entry expiring when its own lifetime ends ({@code s-maxage}/{@code max-age} less its {@code Age}, at most
 * {@code max-ttl}). Keys name the service, so two routes never share an entry. Metrics as
 * {@code cache.*{cache="gateway.public-reads"}}.
 */
public final class PublicResponseCache {

    static final String METRICS_NAME = "gateway.public-reads";

    private final Cache<String, CachedResponse> entries;
    private final long maxEntryBytes;
    private final long maxTtlNanos;

    public PublicResponseCache(long maxBytes, long maxEntryBytes, Duration maxTtl, MeterRegistry meters) {
        this.maxEntryBytes = maxEntryBytes;
        this.maxTtlNanos = maxTtl.toNanos();
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, CachedResponse response) -> response.weight(key.length()))
                .expireAfter(new Expiry<String, CachedResponse>() {
                    @Override
                    public long expireAfterCreate(String key, CachedResponse response, long currentTime) {
                        return response.freshForNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, CachedResponse response, long currentTime,
                            long currentDuration) {
                        return response.freshForNanos();
                    }

                    @Override
                    public long expireAfterRead(String key, CachedResponse response, long currentTime,
                            long currentDuration) {
                        return currentDuration;
                    }
                })
                .recordStats()
                .build();
        if (meters != null) {
            CaffeineCacheMetrics.monitor(meters, entries, METRICS_NAME);
        }
    }

    CachedResponse get(String key) {
        return entries.getIfPresent(key);
    }

    void put(String key, CachedResponse response) {
        entries.put(key, response);
    }

    long maxEntryBytes() {
        return maxEntryBytes;
    }

    long maxTtlNanos() {
        return maxTtlNanos;
    }

    /** Entries held now (for tests and diagnostics). */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** Drops every entry. */
    public void clear() {
        entries.invalidateAll();
    }
}
