package dev.onewindow.supervision.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wiring of the service: its settings and the sweeps. The clock every deadline is read from is the platform's
 * (TimeAutoConfiguration), so the local stack's shared clock moves supervision with every other service.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SupervisionProperties.class)
@EnableScheduling
public class SupervisionConfiguration {
}
