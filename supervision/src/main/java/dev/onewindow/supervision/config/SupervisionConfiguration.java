package dev.onewindow.supervision.config;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wiring of the service: its settings, the sweeps, and the clock every deadline is read from. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SupervisionProperties.class)
@EnableScheduling
public class SupervisionConfiguration {

    /** The one source of "now", so tests can put matters at a fixed instant of the 2026 calendar. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
