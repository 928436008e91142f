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
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * Token validation before routing: every request that carries a bearer token has it verified (signature via the
 * realm's JWKS, issuer, audience, expiry) — also on public paths, so a bad token is a 401, never silently ignored —
 * and only the configured public paths answer without one. The token itself is relayed unchanged to the backend,
 * which validates it again. Stateless: no session, no saved requests, no CSRF (no cookies are used).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class GatewaySecurityConfiguration {

    /** The gateway's own endpoints that never need a token. */
    static final String[] ALWAYS_PUBLIC = {"/actuator/health/**", "/swagger-ui.html", "/swagger-ui/**",
            "/v3/api-docs/**", "/webjars/**"};

    /**
     * No Micrometer observation (and trace span) per security filter, authentication and authorization: on the
     * gateway's hot path they cost more than the checks themselves. The request itself is still observed and traced.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's strict firewall with loop-based character checks (see {@link HeaderCharacters}). */
    @Bean
    ServerWebExchangeFirewall serverWebExchangeFirewall() {
        return HeaderCharacters.firewall();
    }

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

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, GatewayProperties properties,
            CachingJwtDecoder jwtDecoder, ProblemWriter problems) {
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(new ProblemCorsFilter(cors(properties.cors()), problems), SecurityWebFiltersOrder.CORS)
                .authorizeExchange(exchanges -> exchanges
                        .matchers(publicPaths(properties)).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .bearerTokenConverter(new BearerTokens())
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(new KeycloakRoles()))
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthenticated(problems))
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden(problems)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthenticated(problems))
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden(problems)))
                // security headers are written by EdgeFilter (edge.SecurityHeaders), for every answer in one pass
                .headers(ServerHttpSecurity.HeaderSpec::disable);
        return http.build();
    }

    static PublicPaths publicPaths(GatewayProperties properties) {
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
