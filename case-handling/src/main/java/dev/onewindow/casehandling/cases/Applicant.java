package dev.onewindow.casehandling.cases;

/**
 * The applicant as stored: ID numbers only encrypted ({@code *Cipher}, platform {@code FieldCipher}) and masked for
 * display; {@code holderRef} is the cluster-wide look-up reference shared with e-license (hash of the ID number for a
 * natural person, of the USCC for a legal person), {@code agentRef} the hash of the agent's ID number.
 */
public record Applicant(ApplicantType type, String name, String idNumberCipher, String idNumberMasked, String uscc,
        String agentName, String agentIdNumberCipher, String agentIdNumberMasked, String mobileCipher,
        String mobileMasked, String holderRef, String agentRef) {
}
