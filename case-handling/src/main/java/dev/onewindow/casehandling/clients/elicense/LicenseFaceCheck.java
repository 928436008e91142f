package dev.onewindow.casehandling.clients.elicense;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refuses an application whose form cannot become the face of the licence its entry issues, before anything is
 * stored or an authorization consumed: the applicant corrects the form now instead of the case stalling at
 * {@code APPROVED} when e-license refuses to issue. e-license owns the face schema and answers by the same rule it
 * applies when issuing from {@code case.approved}.
 */
@Component
public class LicenseFaceCheck {

    private static final Logger log = LoggerFactory.getLogger(LicenseFaceCheck.class);

    private final LicenseTypeClient types;

    LicenseFaceCheck(LicenseTypeClient types) {
        this.types = types;
    }

    /**
     * @param licenseFields the fields case-handling will send in {@code case.approved}
     * @throws dev.onewindow.platform.problem.ApiException 400 {@code FORM_DOES_NOT_FIT_LICENSE} naming each field
     */
    public void requireFits(String licenseType, Map<String, Object> licenseFields) {
        LicenseTypeClient.FaceCheck answer = types.check(licenseType,
                new LicenseTypeClient.FaceCheckRequest(licenseFields));
        if (answer == null) {
            log.warn("e-license could not check the form against licence type {}; the application goes ahead "
                    + "unchecked", licenseType);
        }
    }
}
