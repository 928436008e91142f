package dev.onewindow.casehandling.cases;

import java.util.Map;

/**
 * Whether an application's form can become the face of the licence its entry issues, asked of e-license (which owns
 * the face schema) before anything is stored or redeemed; {@code clients.elicense} implements it.
 */
public interface LicenseFaces {

    /**
     * Returns when the fields fit, or when e-license cannot check them now (the application then goes ahead
     * unchecked).
     *
     * @param licenseFields the fields case-handling will send in {@code case.approved}
     * @throws dev.onewindow.platform.domain.InvalidInputException {@code FORM_DOES_NOT_FIT_LICENSE} naming each field
     */
    void requireFits(String licenseType, Map<String, Object> licenseFields);
}
