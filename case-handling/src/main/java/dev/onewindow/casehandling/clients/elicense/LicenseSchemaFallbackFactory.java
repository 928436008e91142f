package dev.onewindow.casehandling.clients.elicense;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.stereotype.Component;

/**
 * When e-license cannot say what a licence type's face is (down, slow, open circuit, or a refusal of the request),
 * the answer is {@code null}: the application goes ahead, and case-handling takes every face field for personal
 * rather than guess ({@link LicenseFaceCheck#faceSchema}).
 */
@Component
class LicenseSchemaFallbackFactory implements FallbackFactory<LicenseSchemaClient> {

    private static final Logger log = LoggerFactory.getLogger(LicenseSchemaFallbackFactory.class);

    @Override
    public LicenseSchemaClient create(Throwable cause) {
        return typeCode -> {
            log.warn("e-license could not tell the face of licence type {}: {}", typeCode, cause.toString());
            return null;
        };
    }
}
