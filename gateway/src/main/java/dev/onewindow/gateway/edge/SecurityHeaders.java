package dev.onewindow.gateway.edge;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * The browser security headers on every answer, each only when the service's response did not set it already:
 * {@code Cache-Control: no-store} (not on 304), {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options:
 * DENY}, {@code Referrer-Policy: no-referrer}, a restrictive CSP, {@code X-XSS-Protection: 0}, and HSTS when the
 * request came over https. The same headers and rules as Spring Security's defaults, written in one pass at commit
 * time instead of by eight separate writers (each of which copied the header names on every response).
 */
public final class SecurityHeaders {

    static final String CACHE_CONTROL = "no-cache, no-store, max-age=0, must-revalidate";
    static final String CSP = "default-src 'self'; frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000 ; includeSubDomains";

    private SecurityHeaders() {
    }

    /** Read and write access to one response's headers, whichever HTTP stack holds them. */
    public interface Headers {
        boolean has(String name);

        void set(String name, String value);
    }

    static void apply(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        HttpStatusCode status = response.getStatusCode();
        boolean https = "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
        apply(status != null ? status.value() : 200, https, new Headers() {
            @Override
            public boolean has(String name) {
                return headers.containsHeader(name);
            }

            @Override
            public void set(String name, String value) {
                headers.set(name, value);
            }
        });
    }

    /** The headers for a response with this status, to a request that came over https or not. */
    public static void apply(int status, boolean https, Headers headers) {
        if (status != 304 && !headers.has(HttpHeaders.CACHE_CONTROL) && !headers.has(HttpHeaders.PRAGMA)
                && !headers.has(HttpHeaders.EXPIRES)) {
            headers.set(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
            headers.set(HttpHeaders.PRAGMA, "no-cache");
            headers.set(HttpHeaders.EXPIRES, "0");
        }
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        setIfAbsent(headers, "X-XSS-Protection", "0");
        setIfAbsent(headers, "Referrer-Policy", "no-referrer");
        setIfAbsent(headers, "Content-Security-Policy", CSP);
        if (https) {
            setIfAbsent(headers, "Strict-Transport-Security", HSTS);
        }
    }

    private static void setIfAbsent(Headers headers, String name, String value) {
        if (!headers.has(name)) {
            headers.set(name, value);
        }
    }
}
