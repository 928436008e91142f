package dev.onewindow.casehandling.clients.elicense;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What a redemption returns (only the fields case-handling reads). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RedeemResponse(List<RedeemedLicense> licenses) {

    public RedeemResponse {
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
    }

    /** One license the holder authorised; {@code fields} are only those the holder chose to share. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RedeemedLicense(String licenseId, String typeCode, String status, boolean signatureValid,
            String holderRef, String validUntil, Map<String, Object> fields) {

        public boolean usable() {
            return "VALID".equals(status) && signatureValid;
        }
    }
}
