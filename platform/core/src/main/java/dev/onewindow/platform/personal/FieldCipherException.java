package dev.onewindow.platform.personal;

/**
 * A stored ciphertext could not be decrypted: it was altered, truncated, encrypted for another context, or under a key
 * this service does not hold. The message never contains plaintext or key material.
 */
public class FieldCipherException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FieldCipherException(String message) {
        super(message);
    }

    public FieldCipherException(String message, Throwable cause) {
        super(message, cause);
    }
}
