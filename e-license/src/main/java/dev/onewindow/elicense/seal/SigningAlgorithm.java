package dev.onewindow.elicense.seal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The two electronic-seal algorithms (电子印章): ECDSA P-256 with SHA-256 (JWS {@code ES256}) by default, and SM2 with
 * SM3 (国密, GB/T 32918 / GM/T 0003, default signer ID {@code 1234567812345678}) where a department is configured for
 * it. Signatures are always the raw 64-byte {@code r || s} form (JWS style), so both fit the same compact token.
 *
 * <p>ES256 runs on the JDK's own provider; SM2/SM3 need Bouncy Castle, used as a provider instance rather than
 * registered globally so that nothing else in the JVM changes provider.
 */
public enum SigningAlgorithm {

    ES256("secp256r1", "P-256", "SHA-256") {
        @Override
        public byte[] sign(PrivateKey key, byte[] message) {
            try {
                Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
                signature.initSign(key);
                signature.update(message);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("ES256 signing failed", e);
            }
        }

        @Override
        public boolean verify(PublicKey key, byte[] message, byte[] rawSignature) {
            if (rawSignature == null || rawSignature.length != 64) {
                return false;
            }
            try {
                Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
                signature.initVerify(key);
                signature.update(message);
                return signature.verify(rawSignature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }

        @Override
        public byte[] digest(byte[] message) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(message);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        Provider keyProvider() {
            return null; // the JDK's SunEC
        }
    },

    SM2("sm2p256v1", "SM2", "SM3") {
        @Override
        public byte[] sign(PrivateKey key, byte[] message) {
            try {
                Signature signature = Signature.getInstance("SM3withSM2", BOUNCY_CASTLE);
                signature.initSign(key);
                signature.update(message);
                return DerSignatures.toRaw(signature.sign(), 32);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SM2 signing failed", e);
            }
        }

        @Override
        public boolean verify(PublicKey key, byte[] message, byte[] rawSignature) {
            if (rawSignature == null || rawSignature.length != 64) {
                return false;
            }
            try {
                Signature signature = Signature.getInstance("SM3withSM2", BOUNCY_CASTLE);
                signature.initVerify(key);
                signature.update(message);
                return signature.verify(DerSignatures.toDer(rawSignature));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }

        @Override
        public byte[] digest(byte[] message) {
            try {
                return MessageDigest.getInstance("SM3", BOUNCY_CASTLE).digest(message);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        Provider keyProvider() {
            return BOUNCY_CASTLE;
        }
    };

    static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private final String curve;
    private final String jwkCurve;
    private final String digestName;

    SigningAlgorithm(String curve, String jwkCurve, String digestName) {
        this.curve = curve;
        this.jwkCurve = jwkCurve;
        this.digestName = digestName;
    }

    /** Signs {@code message} (hashing it with this algorithm's digest); returns raw {@code r || s}. */
    public abstract byte[] sign(PrivateKey key, byte[] message);

    /** Whether {@code rawSignature} ({@code r || s}) is this algorithm's signature of {@code message}. */
    public abstract boolean verify(PublicKey key, byte[] message, byte[] rawSignature);

    /** The algorithm's own digest: SHA-256 for ES256, SM3 for SM2 (used as the licence digest in QR tokens). */
    public abstract byte[] digest(byte[] message);

    abstract Provider keyProvider();

    /** Named curve as the JCA knows it ({@code secp256r1}, {@code sm2p256v1}). */
    public String curve() {
        return curve;
    }

    /** {@code crv} in the published key set. */
    public String jwkCurve() {
        return jwkCurve;
    }

    public String digestName() {
        return digestName;
    }

    public KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = keyProvider() == null ? KeyPairGenerator.getInstance("EC")
                    : KeyPairGenerator.getInstance("EC", keyProvider());
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + this + " key pair", e);
        }
    }

    /** Parses configuration values such as {@code ES256}, {@code es256}, {@code SM2} (also {@code SM2SM3}). */
    public static SigningAlgorithm parse(String value) {
        if (value == null || value.isBlank()) {
            return ES256;
        }
        String normalised = value.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (normalised) {
            case "ES256", "ECDSA", "ECDSAP256", "P256" -> ES256;
            case "SM2", "SM2SM3", "SM3WITHSM2" -> SM2;
            default -> throw new IllegalArgumentException("unknown signing algorithm '" + value
                    + "' (expected ES256 or SM2)");
        };
    }
}
