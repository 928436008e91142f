package dev.onewindow.gateway.edge;

import java.util.concurrent.TimeUnit;

import dev.onewindow.gateway.problem.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.SignalType;

/**
 * One line per request on logger {@code onewindow.access}: method, path (no query string: it may carry ID numbers),
 * status, duration, request id, client class, trace id. Never a token, a header value or a body; long digit runs in
 * the path (ID or phone numbers) are masked.
 */
public final class AccessLog {

    /** Exchange attribute with the caller's class ({@code partner}, {@code user}, {@code anonymous}). */
    public static final String CLIENT_CLASS = AccessLog.class.getName() + ".clientClass";

    private static final Logger log = LoggerFactory.getLogger("onewindow.access");

    private AccessLog() {
    }

    static void record(ServerWebExchange exchange, long startNanos, SignalType signal) {
        if (!log.isInfoEnabled()) {
            return;
        }
        ServerHttpRequest request = exchange.getRequest();
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        Object clientClass = exchange.getAttribute(CLIENT_CLASS);
        write(request.getMethod().name(), request.getPath().value(), status != null ? status.value() : 200,
                startNanos, exchange.getAttribute(RequestIds.ATTRIBUTE),
                clientClass != null ? clientClass.toString() : null, ProblemWriter.traceId(exchange),
                signal == SignalType.CANCEL);
    }

    /** The line itself, for any request path of the gateway ({@code path}: without the query string). */
    public static void write(String method, String path, int status, long startNanos, String requestId,
            String clientClass, String traceId, boolean cancelled) {
        if (!log.isInfoEnabled()) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        log.info("{} {} {} {}ms requestId={} client={} traceId={}{}", method, maskedPath(path), status, millis,
                requestId, clientClass != null ? clientClass : "-", traceId, cancelled ? " cancelled" : "");
    }

    /** The path with every run of 11 or more digits (phone numbers, ID numbers) replaced by {@code ***}. */
    static String maskedPath(String path) {
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        int n = path.length();
        while (i < n) {
            if (!isDigit(path.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && isDigit(path.charAt(j))) {
                j++;
            }
            if (j - i == 17 && j < n && (path.charAt(j) == 'X' || path.charAt(j) == 'x')) {
                j++; // resident ID number with check character X
            }
            if (j - i >= 11) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(path, copied, i).append("***");
                copied = j;
            }
            i = j;
        }
        return out == null ? path : out.append(path, copied, n).toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
