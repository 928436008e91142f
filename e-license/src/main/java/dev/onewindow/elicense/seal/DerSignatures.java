package dev.onewindow.elicense.seal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Converts ECDSA/SM2 signatures between ASN.1 DER ({@code SEQUENCE { INTEGER r, INTEGER s }}, what Bouncy Castle's SM2
 * signer speaks) and the fixed-length raw {@code r || s} form used in compact tokens (RFC 7518 §3.4).
 */
final class DerSignatures {

    private DerSignatures() {
    }

    static byte[] toRaw(byte[] der, int partLength) {
        if (der.length < 8 || der[0] != 0x30) {
            throw new IllegalArgumentException("not a DER signature");
        }
        int offset = 2;
        if ((der[1] & 0x80) != 0) {
            offset = 2 + (der[1] & 0x7f);
        }
        if (der[offset] != 0x02) {
            throw new IllegalArgumentException("not a DER signature");
        }
        int rLength = der[offset + 1];
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(der, offset + 2, offset + 2 + rLength));
        offset += 2 + rLength;
        if (der[offset] != 0x02) {
            throw new IllegalArgumentException("not a DER signature");
        }
        int sLength = der[offset + 1];
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(der, offset + 2, offset + 2 + sLength));
        byte[] raw = new byte[partLength * 2];
        put(r, raw, 0, partLength);
        put(s, raw, partLength, partLength);
        return raw;
    }

    static byte[] toDer(byte[] raw) {
        if (raw.length % 2 != 0) {
            throw new IllegalArgumentException("raw signature length must be even");
        }
        int half = raw.length / 2;
        byte[] r = new BigInteger(1, Arrays.copyOfRange(raw, 0, half)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(raw, half, raw.length)).toByteArray();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0x02);
        body.write(r.length);
        body.writeBytes(r);
        body.write(0x02);
        body.write(s.length);
        body.writeBytes(s);
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        der.write(0x30);
        int length = body.size();
        if (length >= 0x80) {
            der.write(0x81);
        }
        der.write(length);
        der.writeBytes(body.toByteArray());
        return der.toByteArray();
    }

    static void put(BigInteger value, byte[] target, int offset, int length) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > length ? bytes.length - length : 0; // drop the sign byte
        int count = bytes.length - start;
        if (count > length) {
            throw new IllegalArgumentException("integer too large");
        }
        System.arraycopy(bytes, start, target, offset + length - count, count);
    }
}
