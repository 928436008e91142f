package dev.onewindow.gateway.security;

import java.util.Map;

import dev.onewindow.gateway.edge.AccessLog;
import dev.onewindow.gateway.problem.GatewayProblem;
import dev.onewindow.gateway.problem.ProblemWriter;
import dev.onewindow.platform.jwt.CompactJws;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Token validation before routing, as one filter: Spring Security's strict firewall (normalised paths, no encoded
 * slashes or control characters — 400 otherwise), then the bearer token, if one is sent, is verified (signature via
 * the realm's JWKS, issuer, audience, expiry; a verified token is reused from {@link CachingJwtDecoder}) — also on
 * public paths, so a bad token is a 401, never silently ignored — and only the public allow-list answers without
 * one. The checks are exactly those the resource-server filter chain made, without its dozen reactive filters per
 * request. The verified token is left in the exchange attribute {@link #JWT} (for rate limiting); the token itself is
 * relayed unchanged to the backend, which validates it again. Stateless: no session, no CSRF (no cookies are used).
 */
public final class TokenAuthenticationFilter implements WebFilter, Ordered {

    /** Exchange attribute holding the caller's verified {@link Jwt}; absent for anonymous requests. */
    public static final String JWT = TokenAuthenticationFilter.class.getName() + ".jwt";

    /** After the edge filter, the body limit and CORS (a preflight carries no token). */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

    private static final Logger log = LoggerFactory.getLogger(TokenAuthenticationFilter.class);
    private static final String INVALID_TOKEN = "Bearer realm=\"onewindow\", error=\"invalid_token\"";
    private static final String TOKEN_REQUIRED = "Bearer realm=\"onewindow\"";

    private final ServerWebExchangeFirewall firewall;
    private final PublicPaths publicPaths;
    private final CachingJwtDecoder decoder;
    private final ProblemWriter problems;

    TokenAuthenticationFilter(ServerWebExchangeFirewall firewall, PublicPaths publicPaths, CachingJwtDecoder decoder,
            ProblemWriter problems) {
        this.firewall = firewall;
        this.publicPaths = publicPaths;
        this.decoder = decoder;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return firewall.getFirewalledExchange(exchange)
                .onErrorResume(ServerExchangeRejectedException.class, rejected -> {
                    log.debug("request rejected by the firewall: {}", rejected.getMessage());
                    return problems.write(exchange, GatewayProblem.requestRejected()).then(Mono.empty());
                })
                .flatMap(checked -> authenticate(checked, chain));
    }

    private Mono<Void> authenticate(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return publicPaths.isPublic(request.getMethod(), request.getPath().pathWithinApplication())
                    ? chain.filter(exchange) : unauthenticated(exchange, false);
        }
        String token = BearerTokens.unchecked(header);
        Jwt cached = token != null ? decoder.cached(token) : null;
        if (cached != null) {
            exchange.getAttributes().put(JWT, cached);
            return chain.filter(exchange);
        }
        if (token == null || !BearerTokens.wellFormed(token) || !CompactJws.isCanonical(token)) {
            return unauthenticated(exchange, true);
        }
        return decoder.decode(token)
                .map(jwt -> {
                    exchange.getAttributes().put(JWT, jwt);
                    return Boolean.TRUE;
                })
                .onErrorResume(JwtException.class, refused -> {
                    if (!(refused instanceof BadJwtException)) {
                        // e.g. the JWKS could not be fetched: still a refusal, but worth an operator's attention
                        log.warn("token could not be verified: {}", refused.getMessage());
                    }
                    return Mono.just(Boolean.FALSE);
                })
                .defaultIfEmpty(Boolean.FALSE)
                .flatMap(valid -> valid ? chain.filter(exchange) : unauthenticated(exchange, true));
    }

    private Mono<Void> unauthenticated(ServerWebExchange exchange, boolean tokenPresented) {
        exchange.getAttributes().put(AccessLog.CLIENT_CLASS, tokenPresented ? "rejected-token" : "anonymous");
        HttpHeaders headers = new HttpHeaders();
        // RFC 6750: say which scheme is expected, without echoing why a token was refused
        headers.set(HttpHeaders.WWW_AUTHENTICATE, tokenPresented ? INVALID_TOKEN : TOKEN_REQUIRED);
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "a valid bearer token is required",
                Map.of(), headers);
    }
}
