package dev.onewindow.elicense.seal;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One department seal key (电子印章). Parsed once and kept in memory: verifying never re-reads or re-parses key
 * material. A key without its private half (retired after a rotation, or published by another instance's
 * configuration) can only verify.
 */
public final class SigningKey {

    /** Where the key came from: configuration/Secrets, or generated for the local stack (dev only). */
    public enum Source { CONFIGURED, GENERATED }

    private final String kid;
    private final String department;
    private final SigningAlgorithm algorithm;
    private final PublicKey publicKey;
    private final PrivateKey privateKey;
    private final Source source;

    public SigningKey(String kid, String department, SigningAlgorithm algorithm, PublicKey publicKey,
            PrivateKey privateKey, Source source) {
        this.kid = Objects.requireNonNull(kid, "kid");
        this.department = Objects.requireNonNull(department, "department");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.privateKey = privateKey;
        this.source = source;
    }

    public String kid() { return kid; }
    public String department() { return department; }
    public SigningAlgorithm algorithm() { return algorithm; }
    public PublicKey publicKey() { return publicKey; }
    public Source source() { return source; }

    public boolean canSign() {
        return privateKey != null;
    }

    public byte[] sign(byte[] message) {
        if (privateKey == null) {
            throw new IllegalStateException("key " + kid + " is verification-only");
        }
        return algorithm.sign(privateKey, message);
    }

    public boolean verify(byte[] message, byte[] rawSignature) {
        return algorithm.verify(publicKey, message, rawSignature);
    }

    /**
     * The key as published (JWK members, RFC 7517/7518) plus {@code dept}: {@code kty=EC}, {@code crv} {@code P-256}
     * or {@code SM2}, affine coordinates {@code x}/{@code y} (32 bytes each, base64url), {@code alg} {@code ES256} or
     * {@code SM2}.
     */
    public Map<String, Object> jwk(boolean active) {
        ECPublicKey ec = (ECPublicKey) publicKey;
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", algorithm.jwkCurve());
        jwk.put("x", Base64Url.encode(unsigned(ec.getW().getAffineX())));
        jwk.put("y", Base64Url.encode(unsigned(ec.getW().getAffineY())));
        jwk.put("kid", kid);
        jwk.put("alg", algorithm.name());
        jwk.put("use", "sig");
        jwk.put("dept", department);
        jwk.put("status", active ? "active" : "retired");
        return jwk;
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] out = new byte[32];
        DerSignatures.put(value, out, 0, 32);
        return out;
    }

    @Override
    public String toString() {
        return "SigningKey[" + kid + ", " + department + ", " + algorithm + ", " + source
                + (canSign() ? "" : ", verify-only") + "]";
    }
}
