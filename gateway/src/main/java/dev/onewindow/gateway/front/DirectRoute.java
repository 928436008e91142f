package dev.onewindow.gateway.front;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * A service route the front forwards itself: every path under {@code prefix} (the route's {@code /prefix/**}
 * pattern), to the service's upstream, guarded by its circuit breaker, time limit and response timeout.
 */
record DirectRoute(String service, String prefix, Upstream upstream, CircuitBreaker breaker, long timeLimitMillis,
        long responseTimeoutMillis) {

    boolean matches(String uri, int pathLength) {
        int length = prefix.length();
        return pathLength >= length && uri.startsWith(prefix)
                && (pathLength == length || uri.charAt(length) == '/');
    }
}
