package dev.onewindow.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Everything the gateway does that an operator may want to change ({@code onewindow.gateway.*}); the defaults are
 * documented in {@code application.yml}. Token validation settings are in {@link TokenProperties}.
 *
 * @param services       the backends by service name (route id): base URI, path prefixes, timeouts, breaker
 * @param routeDefaults  timeouts and circuit-breaker settings for services that do not set their own
 * @param publicPaths    requests answered without a token, as {@code "GET /api/v1/catalog/**"} or
 *                       {@code "GET,POST /api/v1/licenses/verify/**"} (method optional = any method)
 * @param rateLimit      request rates per client class
 * @param maxBodySize    largest request body accepted (413 above it)
 * @param cors           browser origins allowed to call the API (app, mini-program)
 * @param trustedProxies addresses or CIDR ranges whose {@code X-Forwarded-For} is believed (e.g. the ingress)
 * @param jwtCache       decoded-token cache, so a token's signature is verified once per gateway, not per request
 * @param responseCache  the cache of anonymous public reads
 * @param connectionPool limits of the pooled connections to the services beyond Spring Cloud Gateway's own
 *                       ({@code spring.cloud.gateway.server.webflux.httpclient.pool.*})
 */
@ConfigurationProperties("onewindow.gateway")
public record GatewayProperties(Map<String, Service> services, RouteDefaults routeDefaults, List<String> publicPaths,
        RateLimit rateLimit, DataSize maxBodySize, Cors cors, List<String> trustedProxies, JwtCache jwtCache,
        ResponseCache responseCache, ConnectionPool connectionPool) {

    public GatewayProperties {
        services = services == null ? Map.of() : new LinkedHashMap<>(services);
        routeDefaults = routeDefaults == null ? new RouteDefaults(null, null, null) : routeDefaults;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        rateLimit = rateLimit == null ? new RateLimit(null, null, null, null, 0, null) : rateLimit;
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(10) : maxBodySize;
        cors = cors == null ? new Cors(null, null, null, null, null) : cors;
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        jwtCache = jwtCache == null ? new JwtCache(null, null) : jwtCache;
        responseCache = responseCache == null ? new ResponseCache(null, null, null, null) : responseCache;
        connectionPool = connectionPool == null ? new ConnectionPool(null) : connectionPool;
        for (Map.Entry<String, Service> entry : services.entrySet()) {
            if (entry.getValue() == null || entry.getValue().uri() == null) {
                throw new IllegalStateException("onewindow.gateway.services." + entry.getKey() + ".uri must be set");
            }
            if (entry.getValue().paths().isEmpty()) {
                throw new IllegalStateException("onewindow.gateway.services." + entry.getKey() + ".paths must be set");
            }
        }
    }

    /** The settings of one service with the route defaults filled in. */
    public ResolvedService resolve(String name) {
        Service service = services.get(name);
        Duration connect = service.connectTimeout() != null ? service.connectTimeout() : routeDefaults.connectTimeout();
        Duration response = service.responseTimeout() != null ? service.responseTimeout()
                : routeDefaults.responseTimeout();
        // the breaker's time limit is an outer guard: one attempt may take connect + response time
        Duration timeLimit = service.timeLimit() != null ? service.timeLimit() : connect.plus(response);
        if (timeLimit.compareTo(response) < 0) {
            throw new IllegalStateException("onewindow.gateway.services." + name
                    + ".time-limit must not be shorter than its response-timeout (" + response + ")");
        }
        return new ResolvedService(name, service.uri(), service.paths(), connect, response, timeLimit,
                routeDefaults.circuitBreaker().overriddenBy(service.circuitBreaker()), service.apiDocs());
    }

    /**
     * One backend.
     *
     * @param uri             base URI (Kubernetes DNS name in production)
     * @param paths           path patterns routed to it, forwarded unchanged
     * @param connectTimeout  TCP connect timeout (default: route defaults)
     * @param responseTimeout time allowed for the response headers after the request was sent
     * @param timeLimit       the circuit breaker's time limit for the whole call (default connect + response)
     * @param circuitBreaker  overrides of the default breaker settings
     * @param apiDocs         whether its OpenAPI document is listed on the gateway's documentation page
     */
    public record Service(URI uri, List<String> paths, Duration connectTimeout, Duration responseTimeout,
            Duration timeLimit, CircuitBreaker circuitBreaker, Boolean apiDocs) {

        public Service {
            paths = paths == null ? List.of() : List.copyOf(paths);
            circuitBreaker = circuitBreaker == null ? CircuitBreaker.NONE : circuitBreaker;
            apiDocs = apiDocs == null || apiDocs;
        }
    }

    /** Service settings after defaults were applied. */
    public record ResolvedService(String name, URI uri, List<String> paths, Duration connectTimeout,
            Duration responseTimeout, Duration timeLimit, CircuitBreaker circuitBreaker, boolean apiDocs) {
    }

    /** Defaults for every route. */
    public record RouteDefaults(Duration connectTimeout, Duration responseTimeout, CircuitBreaker circuitBreaker) {

        public RouteDefaults {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
            responseTimeout = responseTimeout == null ? Duration.ofSeconds(10) : responseTimeout;
            circuitBreaker = CircuitBreaker.DEFAULTS.overriddenBy(circuitBreaker);
        }
    }

    /**
     * Resilience4j breaker settings (count-based window). A {@code null} field takes the default.
     *
     * @param failureRateThreshold          percentage of failed calls in the window that opens the breaker
     * @param slidingWindowSize             number of recent calls considered
     * @param minimumNumberOfCalls          calls needed before the failure rate is computed
     * @param waitDurationInOpenState       how long an open breaker answers 503 before letting trial calls through
     * @param permittedCallsInHalfOpenState trial calls that decide between closing and re-opening
     */
    public record CircuitBreaker(Float failureRateThreshold, Integer slidingWindowSize, Integer minimumNumberOfCalls,
            Duration waitDurationInOpenState, Integer permittedCallsInHalfOpenState) {

        static final CircuitBreaker NONE = new CircuitBreaker(null, null, null, null, null);
        static final CircuitBreaker DEFAULTS = new CircuitBreaker(50f, 20, 10, Duration.ofSeconds(10), 3);

        CircuitBreaker overriddenBy(CircuitBreaker other) {
            if (other == null) {
                return this;
            }
            return new CircuitBreaker(
                    other.failureRateThreshold != null ? other.failureRateThreshold : failureRateThreshold,
                    other.slidingWindowSize != null ? other.slidingWindowSize : slidingWindowSize,
                    other.minimumNumberOfCalls != null ? other.minimumNumberOfCalls : minimumNumberOfCalls,
                    other.waitDurationInOpenState != null ? other.waitDurationInOpenState : waitDurationInOpenState,
                    other.permittedCallsInHalfOpenState != null ? other.permittedCallsInHalfOpenState
                            : permittedCallsInHalfOpenState);
        }
    }

    /**
     * Request rates per client class: partner systems by client id, signed-in users by subject, anonymous callers by
     * address.
     *
     * @param partner   limit per partner client id (tokens with the {@code partner} role)
     * @param user      limit per user (any other token)
     * @param anonymous limit per client address (no token)
     * @param enabled   switch for the whole limiter
     * @param maxKeys   in-process limiter: most clients tracked at once (memory bound)
     * @param redis     shared limiter for several replicas
     */
    public record RateLimit(Limit partner, Limit user, Limit anonymous, Boolean enabled, int maxKeys, Redis redis) {

        public RateLimit {
            partner = partner == null ? new Limit(50, 100) : partner;
            user = user == null ? new Limit(10, 20) : user;
            anonymous = anonymous == null ? new Limit(20, 40) : anonymous;
            enabled = enabled == null || enabled;
            maxKeys = maxKeys <= 0 ? 100_000 : maxKeys;
            redis = redis == null ? new Redis(false) : redis;
        }
    }

    /**
     * A token bucket: {@code requestsPerSecond} sustained, up to {@code burst} at once.
     */
    public record Limit(int requestsPerSecond, int burst) {

        public Limit {
            if (requestsPerSecond <= 0) {
                throw new IllegalStateException("a rate limit needs requests-per-second > 0");
            }
            burst = burst <= 0 ? requestsPerSecond : burst;
        }
    }

    /** Redis-backed limiter switch (uses {@code spring.data.redis.*} for the connection). */
    public record Redis(boolean enabled) {
    }

    /** CORS for the browser front ends. */
    public record Cors(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
            List<String> exposedHeaders, Duration maxAge) {

        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
            allowedMethods = allowedMethods == null ? List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
                    : List.copyOf(allowedMethods);
            allowedHeaders = allowedHeaders == null
                    ? List.of("Authorization", "Content-Type", "Accept", "Accept-Language", "X-Request-Id",
                            "If-Match", "If-None-Match", "Idempotency-Key", "traceparent")
                    : List.copyOf(allowedHeaders);
            exposedHeaders = exposedHeaders == null
                    ? List.of("X-Request-Id", "Retry-After", "Location", "ETag") : List.copyOf(exposedHeaders);
            maxAge = maxAge == null ? Duration.ofMinutes(30) : maxAge;
        }
    }

    /**
     * @param maxEntries most tokens kept (0 disables the cache)
     * @param maxTtl     longest time a decoded token is reused, however long it is valid
     */
    public record JwtCache(Integer maxEntries, Duration maxTtl) {

        public JwtCache {
            maxEntries = maxEntries == null ? 10_000 : maxEntries;
            maxTtl = maxTtl == null ? Duration.ofMinutes(5) : maxTtl;
        }
    }

    /**
     * The gateway's cache of anonymous public reads: only {@code GET}s without credentials on the public allow-list,
     * only answers a shared cache may store ({@code dev.onewindow.gateway.cache.CacheDirectives}), each for at most
     * the lifetime its {@code Cache-Control} gives.
     *
     * @param enabled      switch for the whole cache
     * @param maxSize      most bytes held (bodies, headers and keys, estimated); least used entries go first
     * @param maxEntrySize largest body stored; larger answers pass through unstored
     * @param maxTtl       longest time an answer is kept, whatever its max-age says
     */
    public record ResponseCache(Boolean enabled, DataSize maxSize, DataSize maxEntrySize, Duration maxTtl) {

        public ResponseCache {
            enabled = enabled == null || enabled;
            maxSize = maxSize == null ? DataSize.ofMegabytes(32) : maxSize;
            maxEntrySize = maxEntrySize == null ? DataSize.ofKilobytes(512) : maxEntrySize;
            maxTtl = maxTtl == null ? Duration.ofMinutes(10) : maxTtl;
        }
    }

    /**
     * @param maxPendingAcquires most requests waiting for a connection to one service once its pool is exhausted;
     *                           beyond that a request is refused at once (503) instead of queueing without bound
     */
    public record ConnectionPool(Integer maxPendingAcquires) {

        public ConnectionPool {
            maxPendingAcquires = maxPendingAcquires == null ? 1000 : maxPendingAcquires;
        }
    }
}
