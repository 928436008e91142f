package dev.onewindow.gateway.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The whole public allow-list as one check: every entry tested in a plain loop over pre-parsed patterns, instead of
 * one reactive matcher per entry that every authenticated request would walk through.
 */
public final class PublicPaths {

    private final List<Entry> entries;

    PublicPaths(List<PublicPath> paths) {
        List<Entry> parsed = new ArrayList<>();
        for (PublicPath path : paths) {
            parsed.add(new Entry(path.methods(), PathPatternParser.defaultInstance.parse(path.pattern())));
        }
        this.entries = List.copyOf(parsed);
    }

    public boolean isPublic(HttpMethod method, PathContainer path) {
        for (Entry entry : entries) {
            if ((entry.methods.isEmpty() || entry.methods.contains(method)) && entry.pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether any entry open to {@code method} lies under one of these route patterns (e.g. {@code /api/v1/catalog/**}):
     * decides which services get a public-reads route.
     */
    public boolean anyUnder(HttpMethod method, List<String> routePatterns) {
        for (String routePattern : routePatterns) {
            PathPattern route = PathPatternParser.defaultInstance.parse(routePattern);
            for (Entry entry : entries) {
                if ((entry.methods.isEmpty() || entry.methods.contains(method))
                        && route.matches(PathContainer.parsePath(entry.pattern.getPatternString()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private record Entry(List<HttpMethod> methods, PathPattern pattern) {
    }
}
