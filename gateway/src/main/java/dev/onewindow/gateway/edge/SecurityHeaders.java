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
final class SecurityHeaders {

    static final String CACHE_CONTROL = "no-cache, no-store, max-age=0, must-revalidate";
    static final String CSP = "default-src 'self'; frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000 ; includeSubDomains";

    private SecurityHeaders() {
    }

    static void apply(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        HttpStatusCode status = response.getStatusCode();
        if ((status == null || status.value() != 304) && !headers.containsHeader(HttpHeaders.CACHE_CONTROL)
                && !headers.containsHeader(HttpHeaders.PRAGMA) && !headers.containsHeader(HttpHeaders.EXPIRES)) {
            headers.set(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
            headers.set(HttpHeaders.PRAGMA, "no-cache");
            headers.set(HttpHeaders.EXPIRES, "0");
        }
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        setIfAbsent(headers, "X-XSS-Protection", "0");
        setIfAbsent(headers, "Referrer-Policy", "no-referrer");
        setIfAbsent(headers, "Content-Security-Policy", CSP);
        if ("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme())) {
            setIfAbsent(headers, "Strict-Transport-Security", HSTS);
        }
    }

    private static void setIfAbsent(HttpHeaders headers, String name, String value) {
        if (!headers.containsHeader(name)) {
            headers.set(name, value);
        }
    }
}
