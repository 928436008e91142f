package dev.onewindow.elicense.config;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The scheduler of the expiry sweep ({@code onewindow.elicense.expiry-sweep-interval}), and the Feign
 * peer (case-handling, for the personal fields of a licence face); its breaker and time limit are the platform's
 * ({@code onewindow.peers.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableFeignClients(basePackages = "dev.onewindow.elicense.clients")
class ELicenseConfiguration {
    // the clock every deadline is read from is the platform's (TimeAutoConfiguration)
}
