package dev.onewindow.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.onewindow.gateway.config.GatewayProperties;
import dev.onewindow.gateway.config.TokenProperties;
import dev.onewindow.gateway.problem.ProblemWriter;
import io.netty.channel.ChannelOption;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * Token validation before routing ({@link TokenAuthenticationFilter}): every request that carries a bearer token has
 * it verified (signature via the realm's JWKS, issuer, audience, expiry) — also on public paths, so a bad token is a
 * 401, never silently ignored — and only the configured public paths answer without one. The token itself is relayed
 * unchanged to the backend, which validates it again. Stateless: no session, no saved requests, no CSRF (no cookies
 * are used). Spring Security supplies the pieces (strict firewall, Nimbus JWT decoder and validators), not its
 * WebFlux filter chain: on a proxy's hot path its dozen reactive filters per request cost more than the checks.
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurityConfiguration {

    /** The gateway's own endpoints that never need a token. */
    static final String[] ALWAYS_PUBLIC = {"/actuator/health/**", "/swagger-ui.html", "/swagger-ui/**",
            "/v3/api-docs/**", "/webjars/**"};

    @Bean
    CachingJwtDecoder jwtDecoder(TokenProperties token, GatewayProperties gateway) {
        HttpClient jwksHttp = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000)
                .responseTimeout(Duration.ofSeconds(5));
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSetUri(token.jwkSetUri())
                .webClient(WebClient.builder().clientConnector(new ReactorClientHttpConnector(jwksHttp)).build())
                .build();
        nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(token.issuerUri()), audience(token.audience())));
        return new CachingJwtDecoder(nimbus, gateway.jwtCache().maxEntries(), gateway.jwtCache().maxTtl(),
                Clock.systemUTC());
    }

    static OAuth2TokenValidator<Jwt> audience(String expected) {
        OAuth2Error error = new OAuth2Error("invalid_token", "the token is not meant for " + expected, null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(expected)
                ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(error);
    }

    /** Strict firewall (see {@link HeaderCharacters}), public allow-list, bearer token, cached verification. */
    @Bean
    TokenAuthenticationFilter tokenAuthenticationFilter(PublicPaths publicPaths, CachingJwtDecoder jwtDecoder,
            ProblemWriter problems) {
        return new TokenAuthenticationFilter(HeaderCharacters.firewall(), publicPaths, jwtDecoder, problems);
    }

    /** CORS before authentication: a preflight carries no token. */
    @Bean
    ProblemCorsFilter corsFilter(GatewayProperties properties, ProblemWriter problems) {
        return new ProblemCorsFilter(cors(properties.cors()), problems);
    }

    @Bean
    PublicPaths publicPaths(GatewayProperties properties) {
        List<PublicPath> paths = new ArrayList<>();
        for (String pattern : ALWAYS_PUBLIC) {
            paths.add(new PublicPath(List.of(), pattern));
        }
        for (String entry : properties.publicPaths()) {
            paths.add(PublicPath.parse(entry));
        }
        return new PublicPaths(paths);
    }

    static CorsConfiguration cors(GatewayProperties.Cors cors) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(cors.allowedOrigins());
        configuration.setAllowedMethods(cors.allowedMethods());
        configuration.setAllowedHeaders(cors.allowedHeaders());
        configuration.setExposedHeaders(cors.exposedHeaders());
        configuration.setAllowCredentials(false); // bearer tokens, no cookies
        configuration.setMaxAge(cors.maxAge());
        return configuration;
    }

    @Bean
    JwtCacheHousekeeping jwtCacheHousekeeping(CachingJwtDecoder decoder) {
        return new JwtCacheHousekeeping(decoder);
    }

    /** Drops expired tokens from the cache once a minute. */
    static final class JwtCacheHousekeeping {
        private final CachingJwtDecoder decoder;

        JwtCacheHousekeeping(CachingJwtDecoder decoder) {
            this.decoder = decoder;
        }

        @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
        void evictExpired() {
            decoder.evictExpired();
        }
    }
}
