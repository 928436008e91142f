package dev.onewindow.gateway.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The whole public allow-list as one matcher: every entry checked in a plain loop over pre-parsed patterns, instead
 * of one reactive matcher per entry that every authenticated request would walk through.
 */
final class PublicPaths implements ServerWebExchangeMatcher {

    private static final Mono<MatchResult> MATCH = MatchResult.match();
    private static final Mono<MatchResult> NO_MATCH = MatchResult.notMatch();

    private final List<Entry> entries;

    PublicPaths(List<PublicPath> paths) {
        List<Entry> parsed = new ArrayList<>();
        for (PublicPath path : paths) {
            parsed.add(new Entry(path.methods(), PathPatternParser.defaultInstance.parse(path.pattern())));
        }
        this.entries = List.copyOf(parsed);
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return isPublic(exchange.getRequest().getMethod(), exchange.getRequest().getPath().pathWithinApplication())
                ? MATCH : NO_MATCH;
    }

    boolean isPublic(HttpMethod method, PathContainer path) {
        for (Entry entry : entries) {
            if ((entry.methods.isEmpty() || entry.methods.contains(method)) && entry.pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private record Entry(List<HttpMethod> methods, PathPattern pattern) {
    }
}
