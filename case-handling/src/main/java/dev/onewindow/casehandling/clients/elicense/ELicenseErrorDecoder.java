package dev.onewindow.casehandling.clients.elicense;

import dev.onewindow.platform.problem.ApiException;
import feign.Response;
import feign.codec.ErrorDecoder;

/**
 * e-license's refusals of an authorization code are the applicant's business (a used, expired or wrong code), so
 * they become the applicant's 4xx problem and do not count against e-license's health. Every other status (5xx,
 * and 401/403, which mean our own credentials are wrong) stays a failure and ends in the 503 fallback.
 */
class ELicenseErrorDecoder implements ErrorDecoder {

    private final ErrorDecoder defaults = new ErrorDecoder.Default();

    @Override
    public Exception decode(String methodKey, Response response) {
        return switch (response.status()) {
            case 404 -> ApiException.badRequest("LICENSE_AUTHORIZATION_NOT_FOUND",
                    "the e-license authorization code is unknown or was issued for another department");
            case 409 -> ApiException.conflict("AUTHORIZATION_USED",
                    "the e-license authorization code has already been used; create a new one");
            case 410 -> ApiException.badRequest("AUTHORIZATION_EXPIRED",
                    "the e-license authorization code has expired; create a new one");
            default -> defaults.decode(methodKey, response);
        };
    }
}
