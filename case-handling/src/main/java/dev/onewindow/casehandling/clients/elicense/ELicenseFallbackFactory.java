package dev.onewindow.casehandling.clients.elicense;

import dev.onewindow.platform.domain.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.stereotype.Component;

/**
 * The contract's fallback for 免证办: when e-license is unreachable, slow or its circuit is open, the applicant is
 * told to upload a copy instead ({@code ELICENSE_UNAVAILABLE}); the submission stores nothing.
 */
@Component
class ELicenseFallbackFactory implements FallbackFactory<ELicenseClient> {

    private static final Logger log = LoggerFactory.getLogger(ELicenseFallbackFactory.class);

    @Override
    public ELicenseClient create(Throwable cause) {
        return (bearer, code, request) -> {
            if (cause instanceof DomainException answered) {
                throw answered;
            }
            log.warn("e-license unavailable: {}", cause.toString());
            throw DomainException.unavailable("ELICENSE_UNAVAILABLE",
                    "the e-license service is unavailable; upload a copy of the material instead");
        };
    }
}
