package dev.onewindow.casehandling.clients.elicense;

import feign.codec.ErrorDecoder;
import org.springframework.context.annotation.Bean;

/**
 * Feign configuration of the e-license client only. Deliberately not a {@code @Configuration}: component scanning
 * would otherwise apply its error decoder to every Feign client.
 */
class ELicenseClientConfiguration {

    @Bean
    ErrorDecoder elicenseErrorDecoder() {
        return new ELicenseErrorDecoder();
    }
}
