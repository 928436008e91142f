package dev.onewindow.elicense.config;

import java.time.Clock;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock, the scheduler of the expiry sweep ({@code onewindow.elicense.expiry-sweep-interval}), and the Feign
 * peer (case-handling, for the personal fields of a licence face); its breaker and time limit are the platform's
 * ({@code onewindow.peers.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableFeignClients(basePackages = "dev.onewindow.elicense.clients")
class ELicenseConfiguration {

    /** Every "now" of the service comes from here, so tests can move time (authorization expiry, validity). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
