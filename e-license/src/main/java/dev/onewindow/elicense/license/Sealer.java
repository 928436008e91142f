package dev.onewindow.elicense.license;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.onewindow.elicense.seal.Base64Url;
import dev.onewindow.elicense.seal.QrToken;
import dev.onewindow.elicense.seal.SigningKey;
import dev.onewindow.platform.personal.FieldCipher;
import org.springframework.stereotype.Component;

/**
 * Seals a licence's canonical form with its department's key and opens stored seals. The signed bytes are stored
 * (encrypted, bound to the licence id so they cannot be moved to another licence), so verifying never has to rebuild
 * the canonical form.
 */
@Component
public class Sealer {

    private final FieldCipher cipher;

    public Sealer(FieldCipher cipher) {
        this.cipher = cipher;
    }

    Seal seal(LicenseContent content, SigningKey key) {
        byte[] canonical = content.canonicalBytes();
        String digest = Base64Url.encode(key.algorithm().digest(canonical));
        String signature = Base64Url.encode(key.sign(canonical));
        String stored = cipher.encrypt(new String(canonical, StandardCharsets.UTF_8), context(content.licenseId()));
        return new Seal(key.algorithm().name(), key.kid(), digest, signature, stored);
    }

    /**
     * A QR token for the licence, made now and valid until {@code expiresAt}, signed by {@code key} (a key of the
     * issuing department: the one that sealed the licence, or after a rotation the active one). It carries the
     * digest of the licence's signed bytes in the key's own digest algorithm.
     */
    String qrToken(License license, SigningKey key, Instant now, Instant expiresAt) {
        String digest = key.kid().equals(license.seal().kid()) ? license.seal().digest()
                : Base64Url.encode(key.algorithm().digest(signedBytes(license)));
        return QrToken.create(key, new QrToken.Claims(license.id(), license.issuerDepartment(), license.typeCode(),
                license.licenseVersion(), digest, license.statusListIndex(), now.getEpochSecond(),
                expiresAt.getEpochSecond()));
    }

    /**
     * The exact signed bytes of a licence.
     *
     * @throws dev.onewindow.platform.personal.FieldCipherException if the stored form was altered or moved
     */
    byte[] signedBytes(License license) {
        return cipher.decrypt(license.seal().content(), context(license.id())).getBytes(StandardCharsets.UTF_8);
    }

    /** The licence's sealed content (face fields included). */
    LicenseContent open(License license) {
        return LicenseContent.parse(signedBytes(license));
    }

    private static String context(String licenseId) {
        return "elicense.license:" + licenseId;
    }
}
