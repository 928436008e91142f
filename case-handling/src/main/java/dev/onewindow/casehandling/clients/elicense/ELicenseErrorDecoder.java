package dev.onewindow.casehandling.clients.elicense;

import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.peers.PeerErrorDecoder;
import feign.Response;
import feign.codec.ErrorDecoder;

/**
 * e-license's refusals of an authorization code are the applicant's business (a used, expired or wrong code), so
 * they become the domain's refusals (invalid input, or a conflict for a used code) and do not count against
 * e-license's health. Every other status goes to the platform's {@link PeerErrorDecoder}: another 4xx is the
 * caller's refusal with e-license's own code, while 5xx, 408, 429 and 401/403 (our own credentials are wrong) stay
 * failures and end in the fallback's "unavailable".
 */
class ELicenseErrorDecoder implements ErrorDecoder {

    private final ErrorDecoder defaults;

    ELicenseErrorDecoder(PeerErrorDecoder defaults) {
        this.defaults = defaults;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        return switch (response.status()) {
            case 404 -> DomainException.invalid("LICENSE_AUTHORIZATION_NOT_FOUND",
                    "the e-license authorization code is unknown or was issued for another department");
            case 409 -> DomainException.conflict("AUTHORIZATION_USED",
                    "the e-license authorization code has already been used; create a new one");
            case 410 -> DomainException.invalid("AUTHORIZATION_EXPIRED",
                    "the e-license authorization code has expired; create a new one");
            default -> defaults.decode(methodKey, response);
        };
    }
}
