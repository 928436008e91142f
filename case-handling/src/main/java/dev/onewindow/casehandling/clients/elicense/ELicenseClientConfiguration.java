package dev.onewindow.casehandling.clients.elicense;

import dev.onewindow.platform.peers.PeerErrorDecoder;
import feign.codec.ErrorDecoder;
import org.springframework.context.annotation.Bean;

/**
 * Feign configuration of the e-license client only. Deliberately not a {@code @Configuration}: component scanning
 * would otherwise apply its error decoder to every Feign client.
 */
class ELicenseClientConfiguration {

    /** The redemption's own answers, and the platform's default decoder (from the service's context) for the rest. */
    @Bean
    ErrorDecoder elicenseErrorDecoder(PeerErrorDecoder peers) {
        return new ELicenseErrorDecoder(peers);
    }
}
