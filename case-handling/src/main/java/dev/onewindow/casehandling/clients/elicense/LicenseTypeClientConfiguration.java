package dev.onewindow.casehandling.clients.elicense;

import feign.codec.ErrorDecoder;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** Feign configuration of the face-check client only (not a {@code @Configuration}, like the redemption client's). */
class LicenseTypeClientConfiguration {

    @Bean
    ErrorDecoder licenseTypeErrorDecoder(JsonMapper json) {
        return new LicenseTypeErrorDecoder(json);
    }
}
