package dev.onewindow.hotline.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wiring of the service: its settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HotlineProperties.class)
@EnableScheduling
public class HotlineConfiguration {
    // the clock every deadline is read from is the platform's (TimeAutoConfiguration)
}
