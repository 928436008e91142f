package dev.onewindow.gateway.cache;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stored answer (always a 200): the service's own headers and its whole body, when it was stored and until when it
 * is fresh, and — when the service answered with {@code Vary} — the request header values it was chosen by.
 *
 * @param headers        the service's headers, without hop-by-hop fields and {@code Age}
 * @param body           the whole body
 * @param etag           the service's {@code ETag}, or {@code null}
 * @param initialAge     seconds the answer had already aged when stored (the service's {@code Age})
 * @param storedAtNanos  {@link System#nanoTime()} when stored
 * @param freshForNanos  how long after {@code storedAtNanos} it may be served
 * @param varyValues     request header values by (lower-case) name named in {@code Vary}; empty without one
 */
record CachedResponse(Map<String, List<String>> headers, byte[] body, String etag, long initialAge, long storedAtNanos,
        long freshForNanos, Map<String, List<String>> varyValues) {

    boolean isFresh(long nowNanos) {
        return nowNanos - storedAtNanos < freshForNanos;
    }

    /** The {@code Age} to send (RFC 9111 4.2.3): aged before storing plus resident time, in seconds. */
    long age(long nowNanos) {
        return initialAge + (nowNanos - storedAtNanos) / 1_000_000_000L;
    }

    boolean matchesVary(Map<String, List<String>> requestValues) {
        return Objects.equals(varyValues, requestValues);
    }

    /** Memory held, estimated for the cache's weight bound. */
    int weight(int keyLength) {
        long total = 128L + body.length + 2L * keyLength;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            total += 32 + 2L * header.getKey().length();
            for (String value : header.getValue()) {
                total += 2L * value.length();
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }
}
