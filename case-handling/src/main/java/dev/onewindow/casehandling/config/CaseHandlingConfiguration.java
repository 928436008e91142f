package dev.onewindow.casehandling.config;

import java.time.Clock;

import dev.onewindow.platform.domain.DomainException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wiring of the service: properties, the clock every deadline is read from, Feign peers and their breakers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaseHandlingProperties.class)
@EnableFeignClients(basePackages = "dev.onewindow.casehandling.clients")
@EnableScheduling
public class CaseHandlingConfiguration {

    /** The one source of "now" for cases, so tests can put acceptance at a fixed instant of the 2026 calendar. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * One breaker per Feign method, configured here rather than through resilience4j's own Boot properties so that
     * the limits live in {@code onewindow.casehandling.resilience}. A peer's answer that is the caller's fault (an
     * {@link DomainException} a decoder made of a 4xx) says nothing about the peer's health and is not counted.
     */
    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> peerCircuitBreakers(CaseHandlingProperties properties) {
        CaseHandlingProperties.Resilience r = properties.resilience();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(r.timeLimit()).build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .failureRateThreshold(r.failureRateThreshold())
                        .slidingWindowSize(r.slidingWindowSize())
                        .minimumNumberOfCalls(r.minimumCalls())
                        .waitDurationInOpenState(r.openFor())
                        .ignoreExceptions(DomainException.class)
                        .build())
                .build());
    }
}
