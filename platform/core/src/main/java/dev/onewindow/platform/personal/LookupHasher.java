package dev.onewindow.platform.personal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256, lowercase hex) for finding records by a value that is stored encrypted, e.g. "all cases
 * of the applicant with this ID number". Encryption is randomised, so equality queries run on this hash instead.
 *
 * <p>A plain SHA-256 of an ID number could be reversed by hashing every plausible number (there are few enough); the
 * secret key prevents that. The same key must be used by every service that looks up the same values, and it cannot
 * be rotated without recomputing the stored hashes.
 *
 * <p>Thread-safe.
 */
public final class LookupHasher {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;
    private static final int MAX_KEY_BYTES = 1024;

    private final SecretKeySpec key;

    /**
     * @param base64Key the secret, at least 32 bytes, in Base64
     * @throws IllegalArgumentException if the key is malformed or too short
     */
    public LookupHasher(String base64Key) {
        this.key = new SecretKeySpec(Keys.decode("lookup hash key", base64Key, MIN_KEY_BYTES, MAX_KEY_BYTES), ALGORITHM);
    }

    /** The hash of {@code value} exactly as given (64 lowercase hex characters). */
    public String hash(String value) {
        Objects.requireNonNull(value, "value");
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    /** The hash of a resident ID number (its canonical value). */
    public String hash(ResidentIdNumber idNumber) {
        return hash(idNumber.value());
    }

    /**
     * The hash of a resident ID number given as text, normalised as {@link ResidentIdNumber} does (trimmed,
     * {@code x} → {@code X}) so that {@code ...002x} and {@code ...002X} find the same records. The text is not
     * validated: an invalid number just finds nothing.
     */
    public String hashIdNumber(String idNumber) {
        Objects.requireNonNull(idNumber, "idNumber");
        return hash(ResidentIdNumber.normalise(idNumber));
    }

    @Override
    public String toString() {
        return "LookupHasher[" + ALGORITHM + "]";
    }
}
