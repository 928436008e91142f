package dev.onewindow.elicense.seal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Reads seal keys from configuration text (PEM or plain Base64 of PKCS#8 / X.509 SubjectPublicKeyInfo) and checks
 * that each is on its algorithm's curve, so that a P-256 key configured as SM2 (or the reverse) fails at start-up
 * rather than producing signatures nobody can verify.
 */
public final class KeyMaterial {

    private KeyMaterial() {
    }

    public static PrivateKey privateKey(String text, SigningAlgorithm algorithm) {
        try {
            PrivateKey key = keyFactory(algorithm).generatePrivate(new PKCS8EncodedKeySpec(decode(text)));
            requireCurve(key, algorithm);
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PKCS#8 " + algorithm + " private key", e);
        }
    }

    public static PublicKey publicKey(String text, SigningAlgorithm algorithm) {
        return publicKey(decode(text), algorithm);
    }

    public static PublicKey publicKey(byte[] spki, SigningAlgorithm algorithm) {
        try {
            PublicKey key = keyFactory(algorithm).generatePublic(new X509EncodedKeySpec(spki));
            requireCurve(key, algorithm);
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an X.509 " + algorithm + " public key", e);
        }
    }

    /** The public half of an EC private key: Q = d·G on the key's curve. */
    public static PublicKey derivePublicKey(PrivateKey privateKey, SigningAlgorithm algorithm) {
        try {
            BigInteger d = ((java.security.interfaces.ECPrivateKey) privateKey).getS();
            // a named-curve spec, so the key is encoded with the curve's OID (the JDK reads no explicit parameters)
            ECNamedCurveParameterSpec spec = org.bouncycastle.jce.ECNamedCurveTable.getParameterSpec(algorithm.curve());
            ECPoint q = spec.getG().multiply(d).normalize();
            PublicKey bc = KeyFactory.getInstance("EC", SigningAlgorithm.BOUNCY_CASTLE)
                    .generatePublic(new ECPublicKeySpec(q, spec));
            // re-read through the algorithm's own provider (the JDK's for ES256, which verifies fastest)
            return publicKey(bc.getEncoded(), algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot derive the public key", e);
        }
    }

    private static KeyFactory keyFactory(SigningAlgorithm algorithm) throws GeneralSecurityException {
        return algorithm.keyProvider() == null ? KeyFactory.getInstance("EC")
                : KeyFactory.getInstance("EC", algorithm.keyProvider());
    }

    private static void requireCurve(java.security.Key key, SigningAlgorithm algorithm) {
        BigInteger expectedOrder = ECNamedCurveTable.getByName(algorithm.curve()).getN();
        if (!(key instanceof ECKey ec) || !ec.getParams().getOrder().equals(expectedOrder)) {
            throw new IllegalArgumentException("the key is not on " + algorithm.curve());
        }
    }

    static byte[] decode(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty key");
        }
        StringBuilder base64 = new StringBuilder();
        for (String line : text.strip().split("\\R")) {
            if (!line.startsWith("-----")) {
                base64.append(line.strip());
            }
        }
        return Base64.getMimeDecoder().decode(base64.toString());
    }

    /** PKCS#8 as single-line Base64 (how generated keys are exported for configuration). */
    public static String base64(java.security.Key key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }
}
