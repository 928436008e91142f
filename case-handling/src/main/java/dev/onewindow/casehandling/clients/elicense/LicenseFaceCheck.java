package dev.onewindow.casehandling.clients.elicense;

import java.util.Map;
import java.util.regex.Pattern;

import dev.onewindow.casehandling.cases.LicenseFaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refuses an application whose form cannot become the face of the licence its entry issues, before anything is
 * stored or an authorization consumed: the applicant corrects the form now instead of the case stalling at
 * {@code APPROVED} when e-license refuses to issue. e-license owns the face schema and answers by the same rule it
 * applies when issuing from {@code case.approved}; its refusal arrives as the domain's
 * {@code FORM_DOES_NOT_FIT_LICENSE} ({@link LicenseTypeErrorDecoder}).
 */
@Component
class LicenseFaceCheck implements LicenseFaces {

    private static final Logger log = LoggerFactory.getLogger(LicenseFaceCheck.class);
    /** Licence type codes as the catalog names them (docs/service-contracts.md). */
    static final Pattern LICENSE_TYPE = Pattern.compile("[A-Z0-9]{2,20}");

    private final LicenseTypeClient types;

    LicenseFaceCheck(LicenseTypeClient types) {
        this.types = types;
    }

    @Override
    public void requireFits(String licenseType, Map<String, Object> licenseFields) {
        if (licenseType == null || !LICENSE_TYPE.matcher(licenseType).matches()) {
            // the catalog's data, not the applicant's input: it goes nowhere near e-license's URL, and the
            // application goes ahead unchecked as when e-license cannot answer
            log.warn("the catalog names a licence type that is not a code; the application goes ahead unchecked");
            return;
        }
        LicenseTypeClient.FaceCheck answer = types.check(licenseType,
                new LicenseTypeClient.FaceCheckRequest(licenseFields));
        if (answer == null) {
            log.warn("e-license could not check the form against licence type {}; the application goes ahead "
                    + "unchecked", licenseType);
        }
    }
}
