package dev.onewindow.elicense.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The clock, and the scheduler of the expiry sweep ({@code onewindow.elicense.expiry-sweep-interval}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ELicenseConfiguration {

    /** Every "now" of the service comes from here, so tests can move time (authorization expiry, validity). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
