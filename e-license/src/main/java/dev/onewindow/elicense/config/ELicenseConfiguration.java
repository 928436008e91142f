package dev.onewindow.elicense.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ELicenseConfiguration {

    /** Every "now" of the service comes from here, so tests can move time (authorization expiry, validity). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
