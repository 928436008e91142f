package dev.onewindow.casehandling.cases;

/**
 * A licence an authorization gave, as far as a case needs it: which licence, of which type and holder, and whether
 * e-license reported it valid and correctly signed at redemption. Its personal fields are not kept.
 */
public record RedeemedLicense(String licenseId, String typeCode, String status, boolean signatureValid,
        String holderRef, String validUntil) {

    public boolean usable() {
        return "VALID".equals(status) && signatureValid;
    }
}
