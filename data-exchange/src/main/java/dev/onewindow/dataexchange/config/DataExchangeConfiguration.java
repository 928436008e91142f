package dev.onewindow.dataexchange.config;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wiring of the service: its settings, the sweeps (grant expiry, chain-head signing), the Feign provider adapters
 * (breaker and time limit the platform's {@code onewindow.peers.*}) and the clock every deadline is read from.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataExchangeProperties.class)
@EnableScheduling
@EnableFeignClients(basePackages = "dev.onewindow.dataexchange.clients")
public class DataExchangeConfiguration {

    /** The one source of "now", so tests can put requests at a fixed instant of the 2026 calendar. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
