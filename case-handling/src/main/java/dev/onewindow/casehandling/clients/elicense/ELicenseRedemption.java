package dev.onewindow.casehandling.clients.elicense;

import java.util.List;
import java.util.regex.Pattern;

import dev.onewindow.casehandling.cases.LicenseAuthorizations;
import dev.onewindow.casehandling.cases.RedeemedLicense;
import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.peers.PeerIdentifiers;
import dev.onewindow.platform.security.ServiceAccountTokens;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Redeems a holder's authorization code at e-license for a department and a case. It authenticates as
 * case-handling's service account (a trusted redeemer in e-license's configuration), which production requires
 * ({@code onewindow.security.service-account.*}); only the local profile may run without one, relaying the caller's
 * own token, which e-license accepts from staff of the department.
 */
@Component
class ELicenseRedemption implements LicenseAuthorizations {

    /** e-license's authorization codes as it accepts them: what is not one never goes into its URL. */
    static final Pattern AUTHORIZATION_CODE = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final ELicenseClient elicense;
    private final ServiceAccountTokens serviceAccount;

    ELicenseRedemption(ELicenseClient elicense, ServiceAccountTokens serviceAccount) {
        this.elicense = elicense;
        this.serviceAccount = serviceAccount;
    }

    @Override
    public List<RedeemedLicense> redeem(String authorizationCode, String departmentCode, String caseRef) {
        String code = PeerIdentifiers.require(authorizationCode, AUTHORIZATION_CODE, "licenseAuthorization");
        RedeemResponse response = elicense.redeem(bearer(), code,
                new ELicenseClient.RedeemRequest(departmentCode, caseRef));
        return response == null ? List.of() : response.licenses().stream()
                .map(l -> new RedeemedLicense(l.licenseId(), l.typeCode(), l.status(), l.signatureValid(),
                        l.holderRef(), l.validUntil()))
                .toList();
    }

    private String bearer() {
        if (serviceAccount.configured()) {
            try {
                return "Bearer " + serviceAccount.token();
            } catch (RuntimeException identityProviderDown) {
                throw DomainException.unavailable("ELICENSE_UNAVAILABLE",
                        "the e-license service is unavailable; upload a copy of the material instead");
            }
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return "Bearer " + jwt.getToken().getTokenValue();
        }
        throw new IllegalStateException("no credentials to call e-license with");
    }
}
