package dev.onewindow.elicense.license;

/**
 * The electronic seal of one licence, stored with it.
 *
 * @param algorithm {@code ES256} or {@code SM2}
 * @param kid       the department key that sealed it
 * @param digest    base64url digest of the canonical form (SHA-256 / SM3), the value the QR token carries
 * @param signature base64url {@code r || s} signature of the canonical form
 * @param content   the canonical form itself, exactly the signed bytes, encrypted at rest (it holds personal data)
 *                  and bound to the licence id; verification checks these stored bytes instead of rebuilding them
 *
 * <p>The QR token is not part of the seal: it expires, so a fresh one is made whenever the licence is read
 * ({@link Sealer#qrToken}). Licences sealed before kept one here; it is no longer read.
 */
public record Seal(String algorithm, String kid, String digest, String signature, String content) {
}
