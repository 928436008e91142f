package dev.onewindow.gateway.front;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.onewindow.gateway.problem.GatewayProblem;
import dev.onewindow.gateway.problem.ProblemWriter;
import dev.onewindow.gateway.ratelimit.ClientAddressResolver;
import dev.onewindow.gateway.ratelimit.ClientKey;
import dev.onewindow.gateway.ratelimit.RateLimitDecision;
import dev.onewindow.gateway.security.BearerTokens;
import dev.onewindow.gateway.security.CachingJwtDecoder;
import dev.onewindow.gateway.security.PublicPaths;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.springframework.http.server.PathContainer;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.unit.DataSize;

/**
 * What every connection of the front shares: the direct routes, the gateway's own Spring stack as the upstream for
 * everything else, and the checks and records the direct path applies (the same objects the Spring stack uses: token
 * cache, public allow-list, rate-limit buckets, breakers, problem writer, tracer, meter registry).
 */
final class Front {

    final List<DirectRoute> routes;
    final Upstream springStack;
    final ProblemWriter problems;
    final Tracer tracer;
    final Propagator propagator;
    final ClientAddressResolver addresses;
    private final CachingJwtDecoder tokens;
    private final PublicPaths publicPaths;
    /** The in-process limiter; {@code null} when limits live elsewhere (Redis): such calls take the full path. */
    private final Function<ClientKey, RateLimitDecision> limiter;
    private final DataSize maxBodySize;
    private final long maxBodyBytes;
    private final MeterRegistry meters;
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();
    /** {@code gateway.front.calls}: how many calls the front forwarded itself, how many the Spring stack answered. */
    private final Counter direct;
    private final Counter stack;

    Front(List<DirectRoute> routes, Upstream springStack, ProblemWriter problems, Tracer tracer,
            Propagator propagator, ClientAddressResolver addresses, CachingJwtDecoder tokens, PublicPaths publicPaths,
            Function<ClientKey, RateLimitDecision> limiter, DataSize maxBodySize, MeterRegistry meters) {
        this.routes = List.copyOf(routes);
        this.springStack = springStack;
        this.problems = problems;
        this.tracer = tracer;
        this.propagator = propagator;
        this.addresses = addresses;
        this.tokens = tokens;
        this.publicPaths = publicPaths;
        this.limiter = limiter;
        this.maxBodySize = maxBodySize;
        this.maxBodyBytes = maxBodySize.toBytes();
        this.meters = meters;
        this.direct = Counter.builder("gateway.front.calls").tag("path", "direct")
                .description("calls the gateway front forwarded to a service itself").register(meters);
        this.stack = Counter.builder("gateway.front.calls").tag("path", "stack")
                .description("calls the gateway front relayed to the gateway's Spring stack").register(meters);
    }

    void counted(boolean directPath) {
        (directPath ? direct : stack).increment();
    }

    /**
     * The route of a request the front can forward itself, else {@code null}: a plain API call (HTTP/1.1, standard
     * method, plain path and headers, no CORS, a body of declared length within the limit or none) to a service
     * route. Whether its caller may pass is decided by {@link #caller}; an oversize body by {@link #tooLarge} first.
     */
    DirectRoute directRoute(HttpRequest request) {
        if (limiter == null || tracer == null || request.protocolVersion() != HttpVersion.HTTP_1_1
                || !isStandardMethod(request.method())) {
            return null;
        }
        String uri = request.uri();
        int pathLength = RequestScreen.plainPathLength(uri);
        if (pathLength < 0) {
            return null;
        }
        DirectRoute route = null;
        for (DirectRoute candidate : routes) {
            if (candidate.matches(uri, pathLength)) {
                route = candidate;
                break;
            }
        }
        if (route == null) {
            return null;
        }
        var headers = request.headers();
        if (headers.contains(HttpHeaderNames.ORIGIN) || headers.contains(HttpHeaderNames.TRANSFER_ENCODING)
                || headers.contains(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)
                || !RequestScreen.plainHeaders(headers)) {
            return null; // CORS, bodies of unknown length, WebSockets: the full path handles them
        }
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null && declaredLength(length) < 0) {
            return null; // malformed: the full path answers 400
        }
        return route;
    }

    /**
     * The rate-limit bucket of a direct call's caller: a token already verified (found in the token cache, so
     * verified by the full path before and not yet expired), or no token on a public path. {@code null}: the full path
     * must decide (a token not seen before, a malformed one, a protected path without one).
     */
    ClientKey caller(HttpRequest request, String path, InetSocketAddress peer) {
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null) {
            if (!publicPaths.isPublic(org.springframework.http.HttpMethod.valueOf(request.method().name()),
                    PathContainer.parsePath(path))) {
                return null;
            }
            return ClientKey.anonymous(addresses.resolve(peer, request.headers().getAll("X-Forwarded-For")));
        }
        String token = BearerTokens.unchecked(authorization);
        Jwt jwt = token != null ? tokens.cached(token) : null;
        return jwt != null ? ClientKey.of(jwt) : null;
    }

    RateLimitDecision limit(ClientKey key) {
        return limiter.apply(key);
    }

    /** {@code http.server.requests}, tagged as the Spring stack's server observation tags it. */
    void record(String route, String method, int status, long nanos) {
        timers.computeIfAbsent(new TimerKey(route, method, status), key -> Timer.builder("http.server.requests")
                .tag("exception", "none")
                .tag("method", key.method)
                .tag("outcome", outcome(key.status))
                .tag("status", Integer.toString(key.status))
                .tag("uri", key.status == 404 ? "NOT_FOUND" : "UNKNOWN")
                .tag("error", "none")
                .tag("spring.cloud.gateway.route.id", key.route)
                .register(meters))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private record TimerKey(String route, String method, int status) {
    }

    private static String outcome(int status) {
        if (status < 200) {
            return "INFORMATIONAL";
        }
        if (status < 300) {
            return "SUCCESS";
        }
        if (status < 400) {
            return "REDIRECTION";
        }
        return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
    }

    /**
     * 413 for a request whose {@code Content-Length} is above {@code max-body-size}, on any path, answered before a
     * byte of the body is read; {@code null} otherwise (bodies without a declared length are counted by the Spring
     * stack while they stream).
     */
    GatewayProblem tooLarge(HttpRequest request) {
        String length = request.headers().get(HttpHeaderNames.CONTENT_LENGTH);
        return length != null && declaredLength(length) > maxBodyBytes
                ? GatewayProblem.payloadTooLarge(maxBodySize) : null;
    }

    /** A {@code Content-Length} value, or -1 when it is not a plain decimal number. */
    private static long declaredLength(String value) {
        if (value.isEmpty() || value.length() > 18) {
            return -1;
        }
        long length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            length = length * 10 + (c - '0');
        }
        return length;
    }

    private static boolean isStandardMethod(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.POST || method == HttpMethod.PUT
                || method == HttpMethod.DELETE || method == HttpMethod.PATCH || method == HttpMethod.HEAD;
    }
}
