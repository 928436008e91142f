package dev.onewindow.evaluation.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wiring of the service: its settings, the sweeps and the Feign clients of the services holding raters' numbers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvaluationProperties.class)
@EnableScheduling
@EnableFeignClients(basePackages = "dev.onewindow.evaluation.clients")
public class EvaluationConfiguration {
    // the clock every deadline is read from is the platform's (TimeAutoConfiguration)
}
