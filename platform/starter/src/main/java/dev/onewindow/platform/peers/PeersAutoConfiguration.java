package dev.onewindow.platform.peers;

import dev.onewindow.platform.domain.DomainException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.openfeign.FeignClientFactory;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every Feign client of every service: peers' 4xx decoded into domain refusals ({@link PeerErrorDecoder}), and a
 * circuit breaker per call with an explicit time limit that counts only what says the peer is unwell — timeouts,
 * connection failures, 5xx — never a {@link DomainException} (a refusal of the caller's input).
 */
@AutoConfiguration
@ConditionalOnClass(name = {"feign.codec.ErrorDecoder",
        "org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory"})
@EnableConfigurationProperties(PeerProperties.class)
public class PeersAutoConfiguration {

    /** The default decoder of every Feign client; a client's own configuration may replace it (and delegate). */
    @Bean
    @ConditionalOnMissingBean(feign.codec.ErrorDecoder.class)
    PeerErrorDecoder peerErrorDecoder(JsonMapper json) {
        return new PeerErrorDecoder(json);
    }

    @Bean
    FeignConverterWarmUp feignConverterWarmUp(ObjectProvider<FeignClientFactory> feignClients) {
        return new FeignConverterWarmUp(feignClients);
    }

    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> peerCircuitBreakers(PeerProperties peers) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(peers.timeLimit()).build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .failureRateThreshold(peers.failureRateThreshold())
                        .slidingWindowSize(peers.slidingWindowSize())
                        .minimumNumberOfCalls(peers.minimumCalls())
                        .waitDurationInOpenState(peers.openFor())
                        .ignoreExceptions(DomainException.class)
                        .build())
                .build());
    }
}
