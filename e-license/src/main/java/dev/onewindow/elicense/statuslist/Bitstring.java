package dev.onewindow.elicense.statuslist;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import dev.onewindow.elicense.seal.Base64Url;

/**
 * The W3C Bitstring Status List encoding: index 0 is the most significant (left-most) bit of the first byte; the
 * bytes are GZIP-compressed and written as multibase base64url without padding (prefix {@code u}).
 */
public final class Bitstring {

    private final byte[] bits;

    public Bitstring(int size) {
        if (size <= 0 || size % 8 != 0) {
            throw new IllegalArgumentException("size must be a positive multiple of 8");
        }
        this.bits = new byte[size / 8];
    }

    private Bitstring(byte[] bits) {
        this.bits = bits;
    }

    public int size() {
        return bits.length * 8;
    }

    public void set(long index) {
        check(index);
        bits[(int) (index / 8)] |= (byte) (0x80 >>> (index % 8));
    }

    public void clear(long index) {
        check(index);
        bits[(int) (index / 8)] &= (byte) ~(0x80 >>> (index % 8));
    }

    public boolean get(long index) {
        check(index);
        return (bits[(int) (index / 8)] & (0x80 >>> (index % 8))) != 0;
    }

    private void check(long index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("index " + index + " outside a list of " + size());
        }
    }

    /** {@code u} + base64url(gzip(bits)). */
    public String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bits.length / 64 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64Url.encode(out.toByteArray());
    }

    /** @throws IllegalArgumentException if {@code encoded} is not an encoded list */
    public static Bitstring decode(String encoded) {
        if (encoded == null || !encoded.startsWith("u")) {
            throw new IllegalArgumentException("an encoded list starts with the multibase prefix 'u'");
        }
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(
                Base64Url.decode(encoded.substring(1))))) {
            return new Bitstring(gzip.readAllBytes());
        } catch (IOException e) {
            throw new IllegalArgumentException("not a GZIP-compressed bitstring", e);
        }
    }
}
