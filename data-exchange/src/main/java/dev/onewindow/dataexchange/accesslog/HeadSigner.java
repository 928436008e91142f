package dev.onewindow.dataexchange.accesslog;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.math.BigInteger;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.onewindow.dataexchange.config.DataExchangeProperties;
import dev.onewindow.platform.config.RequiredSetting;
import org.springframework.stereotype.Component;

/**
 * Signs the access log's heads with ES256 (ECDSA P-256, SHA-256; the signature DER-encoded, Base64) — the algorithm
 * e-license seals licences with by default, configured the same way: a PKCS#8 private key from a Secret
 * ({@code onewindow.dataexchange.access-log.signing-key}). Without one the service refuses to start: the local
 * profile brings a development key, nothing else does.
 */
@Component
public class HeadSigner {

    public static final String ALGORITHM = "ES256";
    private static final String KEY = "onewindow.dataexchange.access-log.signing-key";

    private final String kid;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    public HeadSigner(DataExchangeProperties properties) {
        DataExchangeProperties.SigningKey configured = properties.accessLog().signingKey();
        if (configured == null || configured.privateKey() == null || configured.privateKey().isBlank()) {
            throw RequiredSetting.missing(KEY + ".private-key", "the ES256 key that signs the access log's heads, "
                    + "so a truncated log is detectable; from a Secret (the local profile has a development key)");
        }
        this.kid = RequiredSetting.require(configured.kid(), KEY + ".kid", "the id published with each signed head");
        try {
            KeyFactory ec = KeyFactory.getInstance("EC");
            this.privateKey = ec.generatePrivate(new PKCS8EncodedKeySpec(decode(configured.privateKey())));
            this.publicKey = ec.generatePublic(new X509EncodedKeySpec(decode(RequiredSetting.require(
                    configured.publicKey(), KEY + ".public-key", "the public half, published to verify the heads"))));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException(KEY + ": not a PKCS#8 private key and an X.509 public key", e);
        }
        if (!(privateKey instanceof ECPrivateKey ecKey) || ecKey.getParams().getCurve().getField().getFieldSize() != 256
                || !verify(new byte[] {1}, sign(new byte[] {1}))) {
            throw new IllegalStateException(KEY + ": a P-256 key pair whose halves match is required");
        }
    }

    public String kid() {
        return kid;
    }

    public String sign(byte[] message) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(privateKey);
            s.update(message);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the access log's head", e);
        }
    }

    /** Whether {@code signature} (DER, Base64) is this key's over {@code message}; false for anything malformed. */
    public boolean verify(byte[] message, String signature) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initVerify(publicKey);
            s.update(message);
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The public key as a JWK (RFC 7517/7518), for anyone checking a published head. */
    public Map<String, Object> jwk() {
        ECPublicKey ec = (ECPublicKey) publicKey;
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", "P-256");
        jwk.put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned(ec.getW().getAffineX())));
        jwk.put("y", Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned(ec.getW().getAffineY())));
        jwk.put("kid", kid);
        jwk.put("alg", ALGORITHM);
        jwk.put("use", "sig");
        return jwk;
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(32, raw.length);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    private static byte[] decode(String text) {
        StringBuilder base64 = new StringBuilder();
        for (String line : text.strip().split("\\R")) {
            if (!line.startsWith("-----")) {
                base64.append(line.strip());
            }
        }
        return Base64.getMimeDecoder().decode(base64.toString());
    }
}
