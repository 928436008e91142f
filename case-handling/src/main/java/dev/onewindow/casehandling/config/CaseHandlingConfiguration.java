package dev.onewindow.casehandling.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wiring of the service: properties, the Feign peers. Their breakers and time
 * limit are the platform's ({@code PeersAutoConfiguration}, {@code onewindow.peers.*}): a peer's 4xx is decoded into
 * the domain's refusal and never counts against the peer's health.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaseHandlingProperties.class)
@EnableFeignClients(basePackages = "dev.onewindow.casehandling.clients")
@EnableScheduling
public class CaseHandlingConfiguration {
    // the clock every deadline is read from is the platform's (TimeAutoConfiguration)
}
