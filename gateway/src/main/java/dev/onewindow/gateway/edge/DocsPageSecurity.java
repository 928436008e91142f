package dev.onewindow.gateway.edge;

import java.net.URI;

import dev.onewindow.gateway.config.TokenProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The API documentation page signs users in with Keycloak (authorization code + PKCE) and lets them try calls, so
 * its pages get a content security policy that allows exactly that and no more than the rest of the gateway:
 * fetching the token from the realm's origin ({@code connect-src}), Swagger UI's inline styles and data: images,
 * and on the one static page Keycloak redirects back to ({@code oauth2-redirect.html}, an inline script that hands
 * the code to the page that opened it) inline script. Every other answer keeps {@link SecurityHeaders}' policy.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class DocsPageSecurity implements WebFilter {

    /** Swagger UI's files ({@code /swagger-ui.html} redirects there). */
    static final String UI = "/swagger-ui/";
    static final String REDIRECT_PAGE = UI + "oauth2-redirect.html";

    private final String pagePolicy;
    private final String redirectPagePolicy;

    public DocsPageSecurity(TokenProperties tokens) {
        URI issuer = URI.create(tokens.issuerUri());
        String identityProvider = issuer.getScheme() + "://" + issuer.getRawAuthority();
        String common = "default-src 'self'; connect-src 'self' " + identityProvider
                + "; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
        this.pagePolicy = common + "; script-src 'self'";
        this.redirectPagePolicy = common + "; script-src 'self' 'unsafe-inline'";
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.equals("/swagger-ui.html") || path.startsWith(UI)) {
            String policy = path.equals(REDIRECT_PAGE) ? redirectPagePolicy : pagePolicy;
            // after the edge filter's defaults (registered before this one): this policy replaces the default one
            exchange.getResponse().beforeCommit(() -> {
                exchange.getResponse().getHeaders().set("Content-Security-Policy", policy);
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }
}
