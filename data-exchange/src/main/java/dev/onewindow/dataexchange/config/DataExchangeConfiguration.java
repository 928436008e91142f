package dev.onewindow.dataexchange.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wiring of the service: its settings, the sweeps (grant expiry, chain-head signing), the Feign provider adapters
 * (breaker and time limit the platform's {@code onewindow.peers.*}); the clock is the platform's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataExchangeProperties.class)
@EnableScheduling
@EnableFeignClients(basePackages = "dev.onewindow.dataexchange.clients")
public class DataExchangeConfiguration {
    // the clock every deadline is read from is the platform's (TimeAutoConfiguration)
}
