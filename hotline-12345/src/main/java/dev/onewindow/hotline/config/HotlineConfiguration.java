package dev.onewindow.hotline.config;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wiring of the service: its settings and the clock every deadline is read from. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HotlineProperties.class)
@EnableScheduling
public class HotlineConfiguration {

    /** The one source of "now" for work orders, so tests can put them at a fixed instant of the 2026 calendar. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
