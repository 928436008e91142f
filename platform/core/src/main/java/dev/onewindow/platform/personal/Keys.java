package dev.onewindow.platform.personal;

import java.util.Base64;

/** Decoding of Base64 key material from configuration, shared by {@link FieldCipher} and {@link LookupHasher}. */
final class Keys {

    private Keys() {
    }

    /**
     * Decodes {@code base64} and checks its length. Messages name the key but never echo its value.
     *
     * @throws IllegalArgumentException if the text is not Base64 or the key is too short or too long
     */
    static byte[] decode(String name, String base64, int minBytes, int maxBytes) {
        if (base64 == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not valid Base64");
        }
        if (key.length < minBytes || key.length > maxBytes) {
            throw new IllegalArgumentException(name + " must be " + (minBytes == maxBytes ? "" : "at least ")
                    + minBytes + " bytes, was " + key.length);
        }
        return key;
    }
}
