package dev.onewindow.gateway.front;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.onewindow.gateway.edge.AccessLog;
import dev.onewindow.gateway.edge.RequestIds;
import dev.onewindow.gateway.edge.SecurityHeaders;
import dev.onewindow.gateway.problem.GatewayProblem;
import dev.onewindow.gateway.ratelimit.ClientKey;
import dev.onewindow.gateway.ratelimit.RateLimitDecision;
import io.micrometer.tracing.Span;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.springframework.http.HttpStatus;

/**
 * One request on a client connection, from its head to the last byte of its answer, all on the connection's event
 * loop. Either <em>direct</em> — forwarded by the front to the service with every protection of the gateway applied
 * here (request id, verified caller, rate limit, circuit breaker with time limit and response timeout, forged
 * forwarding headers removed, trace continued, security headers, access log, metrics) — or <em>full</em>: relayed
 * unchanged to the gateway's Spring stack on loopback, which applies the same protections in its filters (and
 * everything the direct path leaves to it: first sight of a token, CORS, the firewall's refusals, its own endpoints).
 * Request and response bodies are streamed, never collected; reading stops while the other side cannot keep up.
 */
final class Call {

    /**
     * Request headers never passed on: hop-by-hop ones (an {@code Upgrade: h2c} offer, as Java's HTTP client makes,
     * is declined by answering in HTTP/1.1), and forwarding headers a client may have forged.
     */
    private static final List<AsciiString> NOT_FORWARDED = names("connection", "keep-alive", "proxy-connection",
            "te", "trailer", "upgrade", "http2-settings", "proxy-authorization", "expect", "forwarded",
            "x-forwarded-for", "x-forwarded-host", "x-forwarded-port", "x-forwarded-proto", "x-forwarded-prefix");
    /** Response headers that describe the service's connection, not the answer. */
    private static final List<AsciiString> HOP_BY_HOP = names("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "trailer", "upgrade");
    private static final AsciiString PROBLEM_JSON = AsciiString.cached("application/problem+json");
    // header names as AsciiString: their case-insensitive hash is computed once, not on every look-up
    private static final AsciiString REQUEST_ID = AsciiString.cached(RequestIds.HEADER);
    private static final AsciiString FORWARDED_FOR = AsciiString.cached("x-forwarded-for");
    private static final AsciiString PROXY_CONNECTION = AsciiString.cached("proxy-connection");
    private static final Map<HttpMethod, String> SPAN_NAMES = Map.of(HttpMethod.GET, "http get", HttpMethod.POST,
            "http post", HttpMethod.PUT, "http put", HttpMethod.PATCH, "http patch", HttpMethod.DELETE,
            "http delete", HttpMethod.HEAD, "http head");

    private static List<AsciiString> names(String... names) {
        return java.util.Arrays.stream(names).map(AsciiString::cached).toList();
    }

    private final Front front;
    private final FrontHandler owner;
    private final Channel client;
    private final HttpRequest request;
    private final long startNanos = System.nanoTime();

    private DirectRoute route;
    private Upstream upstream;
    private boolean keepAlive;
    private String requestId;
    /** The client's rate-limit state, told on the answer of a direct call. */
    private RateLimitDecision rateLimit;
    private String clientClass;
    private Span span;
    /** Answered at the front (direct or refused there): the front writes the access log line and the metrics. */
    private boolean answeredHere;
    private boolean breakerHeld;
    private long guardedSince;

    private UpstreamHandler connection;
    private boolean pooledConnection;
    private boolean resent;
    private List<HttpContent> pending;
    private boolean requestDone;
    private boolean responseStarted;
    private boolean reusable;
    private boolean finished;
    private int status = 200;
    private ScheduledFuture<?> timeLimit;
    private ScheduledFuture<?> responseTimeout;

    Call(Front front, FrontHandler owner, Channel client, HttpRequest request) {
        this.front = front;
        this.owner = owner;
        this.client = client;
        this.request = request;
        this.keepAlive = HttpUtil.isKeepAlive(request);
    }

    // ------------------------------------------------------------------------------------------------ the request

    /** Chooses the direct or the full path and starts the call. */
    void start() {
        choosePath();
        owner.updateReading(); // no body is read before there is a connection to send it on
    }

    private void choosePath() {
        GatewayProblem tooLarge = front.tooLarge(request);
        if (tooLarge != null) {
            // refused here, before a byte of the body is read or relayed: the connection closes after the answer
            answeredHere = true;
            String incoming = request.headers().get(REQUEST_ID);
            requestId = RequestIds.isSafe(incoming) ? incoming : RequestIds.generate();
            answer(tooLarge);
            return;
        }
        DirectRoute direct = front.directRoute(request);
        if (direct != null) {
            String uri = request.uri();
            int query = uri.indexOf('?');
            ClientKey caller = front.caller(request, query < 0 ? uri : uri.substring(0, query),
                    (InetSocketAddress) client.remoteAddress());
            if (caller != null) {
                startDirect(direct, caller);
                return;
            }
        }
        startFull();
    }

    private void startDirect(DirectRoute direct, ClientKey caller) {
        front.counted(true);
        route = direct;
        upstream = direct.upstream();
        answeredHere = true;
        clientClass = caller.clientClass().label();
        HttpHeaders headers = request.headers();
        String incoming = headers.get(REQUEST_ID);
        requestId = RequestIds.isSafe(incoming) ? incoming : RequestIds.generate();
        span = front.propagator.extract(headers, HttpHeaders::get).kind(Span.Kind.SERVER)
                .name(SPAN_NAMES.get(request.method())).start();

        RateLimitDecision decision = front.limit(caller);
        if (!decision.allowed()) {
            answer(GatewayProblem.tooManyRequests(decision));
            return;
        }
        rateLimit = decision;
        if (!direct.breaker().tryAcquirePermission()) {
            unavailable();
            return;
        }
        breakerHeld = true;
        guardedSince = System.nanoTime();

        for (AsciiString name : NOT_FORWARDED) {
            headers.remove(name);
        }
        headers.set(HttpHeaderNames.HOST, upstream.hostHeader);
        String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null) {
            // as bytes: the encoder then copies the kilobyte-long token at once instead of character by character
            headers.set(HttpHeaderNames.AUTHORIZATION,
                    new AsciiString(authorization.getBytes(StandardCharsets.ISO_8859_1), false));
        }
        headers.set(REQUEST_ID, requestId);
        front.propagator.inject(span.context(), headers, HttpHeaders::set);
        timeLimit = client.eventLoop().schedule(this::timedOut, direct.timeLimitMillis(), TimeUnit.MILLISECONDS);
        upstream.acquire(client.eventLoop(), this);
    }

    /** Relays the request to the gateway's Spring stack, which answers it with its full filter chain. */
    private void startFull() {
        front.counted(false);
        upstream = front.springStack;
        HttpHeaders headers = request.headers();
        // the Spring stack sees the front as its peer: tell it who the client is (resolved here, trusted there)
        String clientAddress = front.addresses.resolve((InetSocketAddress) client.remoteAddress(),
                headers.getAll(FORWARDED_FOR));
        headers.remove(HttpHeaderNames.CONNECTION);
        headers.remove(HttpHeaderNames.KEEP_ALIVE);
        headers.remove(PROXY_CONNECTION);
        headers.set(FORWARDED_FOR, clientAddress);
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
        upstream.acquire(client.eventLoop(), this);
    }

    /** A part of the request body (the last part ends the request). */
    void requestContent(HttpContent content) {
        if (content instanceof LastHttpContent) {
            requestDone = true;
        }
        if (finished) {
            content.release();
        } else if (connection == null) {
            if (pending == null) {
                pending = new ArrayList<>(2);
            }
            pending.add(content);
        } else if (requestDone) {
            connection.channel.writeAndFlush(content).addListener(this::requestSent);
        } else {
            connection.channel.write(content);
        }
        owner.updateReading();
    }

    /** The client's read burst is over: what was written upstream goes out. */
    void clientReadComplete() {
        if (connection != null && !requestDone) {
            connection.channel.flush();
        }
    }

    boolean requestDone() {
        return requestDone;
    }

    /** True while the request body may be read on: a connection to write it to that keeps up. */
    boolean wantsRequestBody() {
        return !requestDone && !finished && connection != null && connection.channel.isWritable();
    }

    // ------------------------------------------------------------------------------------------------ upstream

    void upstreamReady(UpstreamHandler ready, boolean pooled) {
        if (finished || responseStarted) {
            upstream.release(ready); // answered meanwhile (time limit, client gone): the connection is still clean
            return;
        }
        connection = ready;
        pooledConnection = pooled;
        ready.call = this;
        Channel channel = ready.channel;
        channel.write(request);
        if (resent) {
            channel.write(LastHttpContent.EMPTY_LAST_CONTENT); // only bodiless requests are sent again
        }
        if (pending != null) {
            for (HttpContent content : pending) {
                channel.write(content);
            }
            pending = null;
        }
        if (requestDone) {
            channel.flush();
            requestSent(channel.newSucceededFuture());
        } else if (!pooled) {
            channel.flush();
        } // else: handed over while the client's bytes are being read; its last part or the end of the read flushes
        owner.updateReading();
    }

    /** Arms the response timeout once the whole request is with the service. */
    private void requestSent(io.netty.util.concurrent.Future<?> written) {
        if (written.isSuccess() && route != null && !finished && !responseStarted && responseTimeout == null) {
            responseTimeout = client.eventLoop().schedule(this::timedOut, route.responseTimeoutMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** No connection: refused (too many open), or connecting failed or timed out. */
    void upstreamFailed() {
        if (finished || responseStarted) {
            return;
        }
        unavailable();
    }

    void upstreamRead(Object message) {
        if (finished) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (message instanceof HttpResponse response) {
            responseHead(response);
            if (!(message instanceof HttpContent)) {
                client.write(message);
                return;
            }
        }
        if (message instanceof LastHttpContent) {
            UpstreamHandler used = detach();
            if (reusable && requestDone) {
                upstream.release(used);
            } else {
                used.channel.close();
            }
            client.writeAndFlush(message).addListener(written -> complete(written.isSuccess()));
        } else if (message instanceof HttpContent) {
            client.write(message);
            if (!client.isWritable()) {
                connection.channel.config().setAutoRead(false);
            }
        } else {
            ReferenceCountUtil.release(message);
        }
    }

    private void responseHead(HttpResponse response) {
        cancelTimers();
        responseStarted = true;
        status = response.status().code();
        reusable = HttpUtil.isKeepAlive(response);
        HttpHeaders headers = response.headers();
        if (route != null) {
            if (breakerHeld) {
                breakerHeld = false;
                route.breaker().onSuccess(System.nanoTime() - guardedSince, TimeUnit.NANOSECONDS);
            }
            for (AsciiString name : HOP_BY_HOP) {
                headers.remove(name);
            }
            headers.set(REQUEST_ID, requestId);
            if (rateLimit != null) {
                rateLimit.writeHeaders(headers::set);
            }
            SecurityHeaders.apply(status, false, new NettyHeaders(headers));
        }
        if (!HttpUtil.isContentLengthSet(response) && !HttpUtil.isTransferEncodingChunked(response)
                && mayHaveBody(status)) {
            keepAlive = false; // the body ends when the connection does
        }
        HttpUtil.setKeepAlive(response, keepAlive);
    }

    private boolean isBodilessRead() {
        String length = request.headers().get(HttpHeaderNames.CONTENT_LENGTH);
        return (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD)
                && (length == null || "0".equals(length));
    }

    private boolean mayHaveBody(int code) {
        return request.method() != HttpMethod.HEAD && code >= 200 && code != 204 && code != 304;
    }

    void upstreamReadComplete() {
        client.flush();
    }

    void upstreamWritabilityChanged() {
        owner.updateReading();
    }

    /** The client can take more: resume reading the service's answer. */
    void clientWritabilityChanged() {
        if (connection != null && client.isWritable()) {
            connection.channel.config().setAutoRead(true);
        }
    }

    /** The service's connection closed under the call. */
    void upstreamClosed() {
        connection = null;
        if (finished) {
            return;
        }
        if (!responseStarted && pooledConnection && !resent && requestDone && isBodilessRead()) {
            // the service closed an idle kept-alive connection just as the request went out: a GET or HEAD without
            // a body is sent once more on another connection (never a write: it may have been executed)
            resent = true;
            upstream.acquire(client.eventLoop(), this);
            return;
        }
        if (!responseStarted) {
            unavailable();
        } else {
            client.close(); // the answer is cut short; nothing honest can be added
            complete(false);
        }
    }

    private UpstreamHandler detach() {
        UpstreamHandler used = connection;
        connection = null;
        used.call = null;
        return used;
    }

    // ------------------------------------------------------------------------------------------------ outcomes

    private void timedOut() {
        if (finished || responseStarted) {
            return;
        }
        if (breakerHeld) {
            breakerHeld = false;
            route.breaker().onError(System.nanoTime() - guardedSince, TimeUnit.NANOSECONDS,
                    new TimeoutException(route.service() + " did not answer in time"));
        }
        dropConnection();
        answer(GatewayProblem.gatewayTimeout(route.service()));
    }

    /** 503 naming the service: breaker open, no connection, or the connection closed before an answer. */
    private void unavailable() {
        if (breakerHeld) {
            breakerHeld = false;
            route.breaker().onError(System.nanoTime() - guardedSince, TimeUnit.NANOSECONDS,
                    new java.io.IOException(route.service() + " is unavailable"));
        }
        dropConnection();
        answer(GatewayProblem.serviceUnavailable(route != null ? route.service() : "gateway"));
    }

    private void dropConnection() {
        if (connection != null) {
            detach().channel.close();
        }
    }

    /** Answers with one of the gateway's own problems, worded as the Spring stack words them. */
    private void answer(GatewayProblem problem) {
        List<String> extraHeaders = new ArrayList<>(2);
        problem.headers().forEach((name, values) -> values.forEach(value -> {
            extraHeaders.add(name);
            extraHeaders.add(value);
        }));
        answer(problem.status(), problem.code(), problem.detail(), problem.extras(),
                extraHeaders.toArray(String[]::new));
    }

    /** Answers the call with a problem+json document (the same shape the Spring stack writes). */
    private void answer(HttpStatus problemStatus, String code, String detail, Map<String, Object> extras,
            String... extraHeaders) {
        cancelTimers();
        responseStarted = true;
        status = problemStatus.value();
        if (requestId == null) {
            requestId = RequestIds.generate();
        }
        String traceId = span != null ? span.context().traceId() : requestId;
        byte[] body = front.problems.body(problemStatus, code, detail, traceId, extras);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, PROBLEM_JSON);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            headers.set(extraHeaders[i], extraHeaders[i + 1]);
        }
        headers.set(REQUEST_ID, requestId);
        SecurityHeaders.apply(status, false, new NettyHeaders(headers));
        if (!requestDone) {
            keepAlive = false; // the rest of the body is not read: the connection cannot carry another request
        }
        HttpUtil.setKeepAlive(response, keepAlive);
        if (pending != null) {
            pending.forEach(ReferenceCountUtil::release);
            pending = null;
        }
        client.writeAndFlush(response).addListener(written -> complete(written.isSuccess()));
    }

    /** Refuses a request the front could not even read (malformed, too long a line or header block). */
    void reject(GatewayProblem problem) {
        answeredHere = true;
        clientClass = "rejected";
        requestDone = false; // whatever follows on this connection is not read
        answer(problem);
    }

    /** The client's connection closed before the answer was complete. */
    void clientGone() {
        if (finished) {
            return;
        }
        dropConnection();
        if (breakerHeld) {
            breakerHeld = false;
            route.breaker().releasePermission(); // not the service's fault
        }
        complete(false);
    }

    private void complete(boolean delivered) {
        if (finished) {
            return;
        }
        finished = true;
        cancelTimers();
        if (pending != null) {
            pending.forEach(ReferenceCountUtil::release);
            pending = null;
        }
        if (answeredHere) {
            String path = request.uri();
            int query = path.indexOf('?');
            if (query >= 0) {
                path = path.substring(0, query);
            }
            String traceId = requestId;
            if (span != null) {
                span.end();
                traceId = span.context().traceId();
            }
            front.record(route != null ? route.service() : "none", request.method().name(), status,
                    System.nanoTime() - startNanos);
            AccessLog.write(request.method().name(), path, status, startNanos, requestId, clientClass, traceId,
                    !delivered);
        }
        owner.callFinished(this, delivered && keepAlive);
    }

    private void cancelTimers() {
        if (timeLimit != null) {
            timeLimit.cancel(false);
            timeLimit = null;
        }
        if (responseTimeout != null) {
            responseTimeout.cancel(false);
            responseTimeout = null;
        }
    }

    /**
     * Netty's headers as the security headers see them. Their names and values are constants: each is turned into an
     * {@link AsciiString} once (hash computed once, copied into the response as bytes).
     */
    private record NettyHeaders(HttpHeaders headers) implements SecurityHeaders.Headers {
        private static final Map<String, AsciiString> CONSTANTS = new java.util.concurrent.ConcurrentHashMap<>();

        private static AsciiString constant(String value) {
            AsciiString constant = CONSTANTS.get(value);
            return constant != null ? constant : CONSTANTS.computeIfAbsent(value, AsciiString::cached);
        }

        @Override
        public boolean has(String name) {
            return headers.contains(constant(name));
        }

        @Override
        public void set(String name, String value) {
            headers.set(constant(name), constant(value));
        }
    }
}
