package dev.onewindow.gateway.cache;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.onewindow.gateway.security.TokenAuthenticationFilter;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The response cache of one service's public-reads route: a fresh stored answer is served by the gateway itself
 * ({@code Age}, {@code X-Cache: HIT}; a 304 when the client's {@code If-None-Match} matches its {@code ETag}); on a
 * miss the service's answer is stored on its way to the client if a shared cache may keep it
 * ({@link CacheDirectives}), a 200 without {@code Set-Cookie}, {@code Vary: *} or a body above {@code max-entry-size}.
 *
 * <p>Never for a request with credentials ({@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}, or a
 * verified token): the route's predicate already keeps such requests off, and this filter checks again. Runs after
 * the rate limit (a cached read is counted like any other) and before the service's breaker (a hit costs the service
 * nothing). Stored are only the headers the service sent: the gateway's own (request id, rate-limit, CORS, security
 * headers) are added to every answer, a hit included, by the filters that own them.
 */
public final class PublicReadCacheFilter implements GatewayFilter {

    /** After the rate limit (-100), before the write of the service's answer (-1) and its breaker (0). */
    public static final int ORDER = -50;

    static final String X_CACHE = "X-Cache";

    /** Never stored or replayed: connection-specific (RFC 9110 7.6.1), or recomputed when serving. */
    private static final Set<String> NOT_STORED = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "proxy-authenticate", "age", "content-length",
            "x-cache");
    /** The fields a 304 carries (RFC 9110 15.4.5). */
    private static final Set<String> NOT_MODIFIED_FIELDS = Set.of("cache-control", "content-location", "date", "etag",
            "expires", "vary");

    private final String service;
    private final PublicResponseCache cache;

    public PublicReadCacheFilter(String service, PublicResponseCache cache) {
        this.service = service;
        this.cache = cache;
    }

    /** True when the request carries any credential: such a request never touches the cache. */
    public static boolean hasCredentials(HttpHeaders headers) {
        return headers.containsHeader(HttpHeaders.AUTHORIZATION) || headers.containsHeader(HttpHeaders.COOKIE)
                || headers.containsHeader(HttpHeaders.PROXY_AUTHORIZATION);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        if (request.getMethod() != HttpMethod.GET || hasCredentials(headers)
                || exchange.getAttribute(TokenAuthenticationFilter.JWT) != null) {
            return chain.filter(exchange);
        }
        List<String> requestDirectives = headers.getOrEmpty(HttpHeaders.CACHE_CONTROL);
        boolean noStore = mentions(requestDirectives, "no-store");
        // RFC 9111 5.2.1.4: a client's no-cache asks for an answer validated by the service; it may still be stored
        boolean noCache = noStore || mentions(requestDirectives, "no-cache")
                || mentions(headers.getOrEmpty(HttpHeaders.PRAGMA), "no-cache");
        String key = key(request);
        long now = System.nanoTime();
        if (!noCache) {
            CachedResponse stored = cache.get(key);
            if (stored != null && stored.isFresh(now)
                    && stored.matchesVary(requestValues(headers, stored.varyValues().keySet()))) {
                return serve(exchange, stored, now);
            }
        }
        if (noStore) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().response(new StoringResponse(exchange, key)).build());
    }

    private String key(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        String path = request.getURI().getRawPath();
        return query == null ? service + ' ' + path : service + ' ' + path + '?' + query;
    }

    private static Mono<Void> serve(ServerWebExchange exchange, CachedResponse stored, long now) {
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        boolean notModified = stored.etag() != null
                && EntityTags.anyMatches(exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.IF_NONE_MATCH),
                        stored.etag());
        for (Map.Entry<String, List<String>> header : stored.headers().entrySet()) {
            if (!notModified || NOT_MODIFIED_FIELDS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                headers.put(header.getKey(), header.getValue());
            }
        }
        headers.set(HttpHeaders.AGE, Long.toString(stored.age(now)));
        headers.set(X_CACHE, "HIT");
        if (notModified) {
            response.setStatusCode(HttpStatus.NOT_MODIFIED);
            return response.setComplete();
        }
        response.setStatusCode(HttpStatus.OK);
        headers.setContentLength(stored.body().length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(stored.body())));
    }

    /** Whether any of these comma-separated header lines names {@code directive} (any letter case, any value). */
    static boolean mentions(List<String> lines, String directive) {
        for (String line : lines) {
            for (String element : line.split(",")) {
                String name = element.trim();
                int equals = name.indexOf('=');
                if ((equals >= 0 ? name.substring(0, equals).trim() : name).equalsIgnoreCase(directive)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The request's values of the header fields a stored answer varies on (absent: an empty list). */
    private static Map<String, List<String>> requestValues(HttpHeaders headers, Set<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String name : names) {
            values.put(name, List.copyOf(headers.getOrEmpty(name)));
        }
        return values;
    }

    /** Copies a storable answer's body while it is written to the client, and stores it once it is complete. */
    private final class StoringResponse extends ServerHttpResponseDecorator {

        private final ServerWebExchange exchange;
        private final String key;

        StoringResponse(ServerWebExchange exchange, String key) {
            super(exchange.getResponse());
            this.exchange = exchange;
            this.key = key;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            Candidate candidate = candidate();
            if (candidate == null) {
                return super.writeWith(body);
            }
            Flux<DataBuffer> copied = Flux.<DataBuffer>from(body)
                    .map(buffer -> {
                        candidate.append(buffer);
                        return buffer;
                    })
                    .doOnComplete(candidate::store);
            return super.writeWith(copied);
        }

        /** What will be stored if the body arrives whole, or {@code null} when this answer must not be stored. */
        private Candidate candidate() {
            HttpHeaders headers = getHeaders();
            if (!HttpStatus.OK.equals(getStatusCode()) || headers.containsHeader(HttpHeaders.SET_COOKIE)
                    || headers.containsHeader(HttpHeaders.CONTENT_RANGE)
                    || mentions(headers.getOrEmpty(HttpHeaders.PRAGMA), "no-cache")
                    || mentions(headers.getOrEmpty(HttpHeaders.VARY), "*")) {
                return null;
            }
            long lifetime = CacheDirectives.sharedLifetime(headers.get(HttpHeaders.CACHE_CONTROL));
            if (lifetime == CacheDirectives.NOT_STORABLE) {
                return null;
            }
            long declared = headers.getContentLength();
            Set<String> serviceHeaders = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_HEADER_NAMES);
            if (declared > cache.maxEntryBytes() || serviceHeaders == null) {
                return null;
            }
            long initialAge = deltaSeconds(headers.getFirst(HttpHeaders.AGE));
            long freshForNanos = Math.min(cache.maxTtlNanos(), (lifetime - initialAge) * 1_000_000_000L);
            if (initialAge < 0 || freshForNanos <= 0) {
                return null;
            }
            Map<String, List<String>> stored = new LinkedHashMap<>();
            for (String name : serviceHeaders) {
                List<String> values = headers.get(name);
                if (values != null && !NOT_STORED.contains(name.toLowerCase(Locale.ROOT))) {
                    stored.put(name, List.copyOf(values));
                }
            }
            List<String> varyNames = new ArrayList<>();
            for (String line : headers.getOrEmpty(HttpHeaders.VARY)) {
                for (String name : line.split(",")) {
                    if (!name.isBlank()) {
                        varyNames.add(name.trim().toLowerCase(Locale.ROOT));
                    }
                }
            }
            Map<String, List<String>> varyValues = requestValues(exchange.getRequest().getHeaders(),
                    Set.copyOf(varyNames));
            return new Candidate(key, stored, headers.getETag(), initialAge, freshForNanos, varyValues, declared);
        }
    }

    /** A storable answer whose body is being copied. */
    private final class Candidate {
        private final String key;
        private final Map<String, List<String>> headers;
        private final String etag;
        private final long initialAge;
        private final long freshForNanos;
        private final Map<String, List<String>> varyValues;
        private final long declaredLength;
        private ByteArrayOutputStream body = new ByteArrayOutputStream();

        Candidate(String key, Map<String, List<String>> headers, String etag, long initialAge, long freshForNanos,
                Map<String, List<String>> varyValues, long declaredLength) {
            this.key = key;
            this.headers = headers;
            this.etag = etag;
            this.initialAge = initialAge;
            this.freshForNanos = freshForNanos;
            this.varyValues = varyValues;
            this.declaredLength = declaredLength;
        }

        void append(DataBuffer buffer) {
            if (body == null) {
                return;
            }
            int length = buffer.readableByteCount();
            if (body.size() + (long) length > cache.maxEntryBytes()) {
                body = null; // too large to keep: the answer passes through unstored
                return;
            }
            byte[] bytes = new byte[length];
            buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(bytes), 0, length);
            body.writeBytes(bytes);
        }

        void store() {
            if (body == null || (declaredLength >= 0 && body.size() != declaredLength)) {
                return;
            }
            cache.put(key, new CachedResponse(headers, body.toByteArray(), etag, initialAge, System.nanoTime(),
                    freshForNanos, varyValues));
        }
    }

    /** An {@code Age} value (absent: 0), or -1 when malformed. */
    private static long deltaSeconds(String value) {
        if (value == null) {
            return 0;
        }
        String trimmed = value.trim();
        if (trimmed.isEmpty() || trimmed.length() > 10) {
            return -1;
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (trimmed.charAt(i) < '0' || trimmed.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(trimmed);
    }
}
