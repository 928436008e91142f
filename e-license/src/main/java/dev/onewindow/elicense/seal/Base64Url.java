package dev.onewindow.elicense.seal;

import java.util.Base64;

/** Unpadded base64url (RFC 4648 §5), the encoding of every binary value this service publishes. */
public final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** @throws IllegalArgumentException if {@code text} is not base64url */
    public static byte[] decode(String text) {
        return DECODER.decode(text);
    }
}
