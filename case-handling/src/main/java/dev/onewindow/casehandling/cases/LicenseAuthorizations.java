package dev.onewindow.casehandling.cases;

import java.util.List;

/**
 * e-license's holder authorizations (免证办), the port the {@link MaterialResolver} redeems through
 * ({@code clients.elicense} implements it). A code is single-use: redeem only after every local check passed.
 */
public interface LicenseAuthorizations {

    /**
     * Redeems {@code authorizationCode} for a department and a case: the licences the holder authorised.
     *
     * @throws dev.onewindow.platform.domain.InvalidInputException an unknown, foreign or expired code
     * @throws dev.onewindow.platform.domain.ConflictException     a code that was used already
     * @throws dev.onewindow.platform.domain.UnavailableException  e-license cannot answer now
     */
    List<RedeemedLicense> redeem(String authorizationCode, String departmentCode, String caseRef);
}
