package dev.onewindow.platform.personal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption of single string fields at rest (resident ID numbers, names, addresses) with AES-256-GCM.
 *
 * <p>Output is Base64 of {@code version(1) | keyIdLength(1) | keyId | iv(12) | ciphertext+tag(16)}. A fresh random
 * IV per call means equal plaintexts give different ciphertexts (so use a {@link LookupHasher} hash to find records);
 * GCM's tag makes any alteration fail loudly instead of decrypting to garbage.
 *
 * <p><b>Key rotation.</b> Keys are named by an id embedded in every ciphertext. New values are encrypted with the
 * primary key; values written under older keys still decrypt as long as those keys stay configured. A re-encryption
 * job can use {@link #keyIdOf(String)} to find them.
 *
 * <p><b>Context.</b> The optional {@code context} (e.g. {@code "case.applicant.idNumber"}) is authenticated but not
 * stored: a ciphertext only decrypts with the context it was written with, which stops a value being copied into a
 * different field or record unnoticed.
 *
 * <p>Thread-safe; keys come from configuration or Secrets (never from the repository).
 */
public final class FieldCipher {

    private static final byte FORMAT_VERSION = 1;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER_FIXED_BYTES = 2;
    /** Key ids are stored in every ciphertext, so they are short and plain. */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String primaryKeyId;
    private final Map<String, SecretKey> keys;

    /**
     * @param primaryKeyId   id of the key used to encrypt; must be one of {@code base64KeysById}
     * @param base64KeysById every key that may still be needed to decrypt, each 32 bytes in Base64
     * @throws IllegalArgumentException if a key id or key is malformed or the primary key is missing
     */
    public FieldCipher(String primaryKeyId, Map<String, String> base64KeysById) {
        Map<String, SecretKey> decoded = new LinkedHashMap<>();
        base64KeysById.forEach((id, key) -> {
            requireKeyId(id);
            decoded.put(id, new SecretKeySpec(Keys.decode("key '" + id + "'", key, KEY_BYTES, KEY_BYTES), "AES"));
        });
        if (!decoded.containsKey(primaryKeyId)) {
            throw new IllegalArgumentException("primary key id '" + primaryKeyId + "' has no key");
        }
        this.primaryKeyId = primaryKeyId;
        this.keys = Map.copyOf(decoded);
    }

    /** A cipher with a single key (no rotation yet). */
    public static FieldCipher withSingleKey(String keyId, String base64Key) {
        return new FieldCipher(keyId, Map.of(keyId, base64Key));
    }

    /** A new random 256-bit key in Base64, e.g. for the local stack or tests. */
    public static String generateKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The id of the key new values are encrypted with. */
    public String primaryKeyId() {
        return primaryKeyId;
    }

    /** Encrypts {@code plaintext} with the primary key and no context. */
    public String encrypt(String plaintext) {
        return encrypt(plaintext, "");
    }

    /** Encrypts {@code plaintext} with the primary key, bound to {@code context}. */
    public String encrypt(String plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(context, "context");
        byte[] header = header(primaryKeyId);
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(primaryKeyId), iv, header, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(header.length + iv.length + sealed.length)
                    .put(header).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts a value written by {@link #encrypt(String)}.
     *
     * @throws FieldCipherException if it is malformed, altered, or under a key this cipher does not hold
     */
    public String decrypt(String ciphertext) {
        return decrypt(ciphertext, "");
    }

    /**
     * Decrypts a value written by {@link #encrypt(String, String)} with the same {@code context}.
     *
     * @throws FieldCipherException if it is malformed, altered, for another context, or under an unknown key
     */
    public String decrypt(String ciphertext, String context) {
        Objects.requireNonNull(context, "context");
        Envelope envelope = Envelope.parse(ciphertext);
        SecretKey key = keys.get(envelope.keyId());
        if (key == null) {
            throw new FieldCipherException("ciphertext is under key '" + envelope.keyId() + "', which is not configured");
        }
        byte[] bytes = envelope.bytes();
        int ivStart = envelope.headerLength();
        byte[] iv = Arrays.copyOfRange(bytes, ivStart, ivStart + IV_BYTES);
        byte[] header = Arrays.copyOfRange(bytes, 0, ivStart);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, iv, header, context);
            int sealedStart = ivStart + IV_BYTES;
            return new String(cipher.doFinal(bytes, sealedStart, bytes.length - sealedStart), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new FieldCipherException(
                    "ciphertext failed authentication: altered, or written with another key or context", e);
        } catch (GeneralSecurityException e) {
            throw new FieldCipherException("ciphertext cannot be decrypted", e);
        }
    }

    /**
     * The id of the key {@code ciphertext} was written with.
     *
     * @throws FieldCipherException if it is not a ciphertext of this format
     */
    public String keyIdOf(String ciphertext) {
        return Envelope.parse(ciphertext).keyId();
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv, byte[] header, String context)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        // The header is authenticated too, so the version and key id cannot be swapped; it is length-prefixed, so
        // header + context is unambiguous.
        cipher.updateAAD(header);
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] header(String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(HEADER_FIXED_BYTES + id.length)
                .put(FORMAT_VERSION).put((byte) id.length).put(id).array();
    }

    private static void requireKeyId(String id) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("key id must match " + KEY_ID.pattern() + ": '" + id + "'");
        }
    }

    @Override
    public String toString() {
        return "FieldCipher[primaryKeyId=" + primaryKeyId + ", keyIds=" + keys.keySet() + "]";
    }

    /** The decoded bytes of a ciphertext with its header parsed and its length checked. */
    private record Envelope(byte[] bytes, String keyId, int headerLength) {

        static Envelope parse(String ciphertext) {
            if (ciphertext == null) {
                throw new FieldCipherException("ciphertext is missing");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(ciphertext);
            } catch (IllegalArgumentException e) {
                throw new FieldCipherException("ciphertext is not Base64");
            }
            if (bytes.length < HEADER_FIXED_BYTES) {
                throw new FieldCipherException("ciphertext is truncated");
            }
            if (bytes[0] != FORMAT_VERSION) {
                throw new FieldCipherException("unsupported ciphertext version " + bytes[0]);
            }
            int keyIdLength = bytes[1] & 0xFF;
            int headerLength = HEADER_FIXED_BYTES + keyIdLength;
            if (keyIdLength == 0 || bytes.length < headerLength + IV_BYTES + TAG_BITS / 8) {
                throw new FieldCipherException("ciphertext is truncated");
            }
            String keyId = new String(bytes, HEADER_FIXED_BYTES, keyIdLength, StandardCharsets.US_ASCII);
            return new Envelope(bytes, keyId, headerLength);
        }
    }
}
