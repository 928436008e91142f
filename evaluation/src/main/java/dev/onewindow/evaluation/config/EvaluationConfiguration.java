package dev.onewindow.evaluation.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wiring of the service: its settings and the sweeps. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvaluationProperties.class)
@EnableScheduling
public class EvaluationConfiguration {
    // the clock every deadline is read from is the platform's (TimeAutoConfiguration)
}
