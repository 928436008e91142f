package dev.onewindow.platform.web.caching;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.onewindow.platform.web.caching.HttpCacheProperties.CredentialedAnswer;
import dev.onewindow.platform.web.caching.HttpCacheProperties.PublicRead;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The service's cacheable public reads ({@code onewindow.http-cache.public-reads}), matched the way Spring Security
 * matches {@code public-paths}: path patterns over the path within the application, first match wins.
 */
public final class CacheablePublicReads {

    private static final PathPatternParser PARSER = new PathPatternParser();
    /** A whole path segment that is a variable, with or without a regex ({code}, {code:[A-Z]{2}}). */
    private static final String VARIABLE_SEGMENT = "(?<=/)\\{[^/]+}(?=/|$)";

    private final List<Rule> rules;

    public CacheablePublicReads(HttpCacheProperties properties) {
        this.rules = properties.publicReads().stream().map(r -> new Rule(PARSER.parse(r.path()), r)).toList();
    }

    /** A configured read and its parsed pattern. */
    public record Rule(PathPattern pattern, PublicRead read) {

        /** The {@code Cache-Control} of an anonymous answer that may be kept for at most {@code lifetime}. */
        public String publicCacheControl(Duration lifetime) {
            Duration maxAge = lifetime == null || lifetime.compareTo(read.maxAge()) > 0 ? read.maxAge() : lifetime;
            String value = "public, max-age=" + Math.max(0, maxAge.toSeconds());
            if (read.staleWhileRevalidate() != null && !read.staleWhileRevalidate().isZero()) {
                value += ", stale-while-revalidate=" + read.staleWhileRevalidate().toSeconds();
            }
            return value;
        }

        public CredentialedAnswer withCredentials() {
            return read.withCredentials();
        }
    }

    /** The rule for a GET or HEAD request, if its path is a cacheable public read. */
    public Optional<Rule> find(HttpServletRequest request) {
        if (!HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod())) {
            return Optional.empty();
        }
        return find(request.getRequestURI().substring(request.getContextPath().length()));
    }

    /** The rule for a path within the application ({@code /api/v1/catalog/calendar/years/2026}), if any. */
    public Optional<Rule> find(String path) {
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        PathContainer container = PathContainer.parsePath(path);
        return rules.stream().filter(r -> r.pattern().matches(container)).findFirst();
    }

    /**
     * The rule a documented GET ({@code /api/v1/catalog/entries/{code}}) falls under, if any: the first that names
     * it — its variables perhaps narrowed by a regex, {@code {code:[A-Z][A-Z0-9]*}} — or, a wildcard rule
     * ({@code /calendar/**}), matches it with each template variable standing for one segment value.
     */
    public Optional<Rule> forOperation(String templatePath) {
        String template = templatePath.replaceAll(VARIABLE_SEGMENT, "{}");
        PathContainer sample = PathContainer.parsePath(templatePath.replaceAll("\\{[^}/]+}", "sample"));
        return rules.stream().filter(r -> r.pattern().getPatternString().replaceAll(VARIABLE_SEGMENT, "{}")
                .equals(template) || r.pattern().matches(sample)).findFirst();
    }

    /** Whether the request carried credentials: then its answer is that caller's own, never a public one. */
    static boolean carriesCredentials(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
