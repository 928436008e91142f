package dev.onewindow.casehandling.clients.elicense;

import dev.onewindow.platform.peers.PeerErrorDecoder;
import feign.codec.ErrorDecoder;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** Feign configuration of the face-check client only (not a {@code @Configuration}, like the redemption client's). */
class LicenseTypeClientConfiguration {

    /** The face check's own answers, and the platform's default decoder (from the service's context) for the rest. */
    @Bean
    ErrorDecoder licenseTypeErrorDecoder(JsonMapper json, PeerErrorDecoder peers) {
        return new LicenseTypeErrorDecoder(json, peers);
    }
}
