package dev.onewindow.elicense.license;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import dev.onewindow.elicense.Limits;
import dev.onewindow.elicense.seal.Base64Url;
import dev.onewindow.elicense.seal.KeyRing;
import dev.onewindow.elicense.seal.QrToken;
import dev.onewindow.elicense.seal.SigningKey;
import dev.onewindow.platform.personal.FieldCipherException;
import dev.onewindow.platform.domain.DomainException;
import org.springframework.stereotype.Service;

/**
 * Verification for anyone: is this a licence its department sealed, unaltered, and what is its status now. Never
 * discloses the face.
 *
 * <p>By id: the stored signed bytes are checked against the stored signature with the key the seal names (one
 * signature verification; the canonical form is not rebuilt), and must describe this very licence (id, issuer,
 * type, version, validity) under a key of its own issuing department. By QR token: the token's signature is checked
 * with the key it names (a key of the issuing department: the sealing one, or after a rotation the active one), the
 * token must not have expired ({@code exp}), and the digest it carries must be the digest of the licence's stored
 * signed bytes; that binds the token to the content without a second signature verification.
 */
@Service
public class Verification {

    private final LicenseRepository licenses;
    private final KeyRing keys;
    private final Sealer sealer;
    private final Clock clock;

    public Verification(LicenseRepository licenses, KeyRing keys, Sealer sealer, Clock clock) {
        this.licenses = licenses;
        this.keys = keys;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** What a verifier learns. {@code validUntil} is {@code null} for a permanent licence. */
    public record Result(String licenseId, String typeCode, String issuer, boolean signatureValid,
            LicenseStatus status, LocalDate validUntil) {
    }

    /** @throws dev.onewindow.platform.domain.NotFoundException for an unknown licence */
    public Result byId(String licenseId) {
        License license = find(licenseId);
        Seal seal = license.seal();
        Optional<SigningKey> key = keys.find(seal.kid());
        boolean valid = false;
        if (key.isPresent() && key.get().algorithm().name().equals(seal.algorithm())) {
            Optional<byte[]> signed = signedBytes(license);
            valid = signed.isPresent() && describes(license, signed.get(), key.get())
                    && key.get().verify(signed.get(), decode(seal.signature()));
        }
        return result(license, valid);
    }

    /**
     * @throws dev.onewindow.platform.domain.InvalidInputException {@code INVALID_QR_TOKEN} for something that is not
     *                                                        a licence token
     * @throws dev.onewindow.platform.domain.NotFoundException    when the licence it names does not exist
     * @throws dev.onewindow.platform.domain.ExpiredException     {@code QR_TOKEN_EXPIRED} for a genuine token past
     *                                                        its {@code exp} (or from before tokens carried one)
     */
    public Result byToken(String token) {
        QrToken.Parsed parsed;
        try {
            parsed = QrToken.parse(token);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("INVALID_QR_TOKEN", "the QR payload is not a licence token");
        }
        QrToken.Claims claims = parsed.claims();
        License license = find(claims.licenseId());
        Optional<SigningKey> key = keys.find(parsed.kid());
        boolean valid = false;
        if (key.isPresent() && key.get().department().equals(claims.issuer()) && parsed.verifiedBy(key.get())) {
            Instant now = clock.instant();
            if (claims.expiresAt() == null || now.getEpochSecond() >= claims.expiresAt()) {
                // a genuine token, but a code shown after its time proves nothing about the licence now
                DomainException expired = DomainException.expired("QR_TOKEN_EXPIRED", "the QR code has expired; "
                        + "ask the holder to show a fresh one, or verify the licence by its id");
                if (claims.expiresAt() != null) {
                    expired.with("expiredAt", Instant.ofEpochSecond(claims.expiresAt()).toString());
                }
                throw expired;
            }
            Optional<byte[]> signed = signedBytes(license);
            Optional<SigningKey> sealKey = keys.find(license.seal().kid());
            valid = signed.isPresent() && sealKey.isPresent()
                    && claims.issuer().equals(license.issuerDepartment())
                    && claims.typeCode().equals(license.typeCode())
                    && claims.version() == license.licenseVersion()
                    && claims.statusListIndex() == license.statusListIndex()
                    && claims.digest().equals(Base64Url.encode(key.get().algorithm().digest(signed.get())))
                    && describes(license, signed.get(), sealKey.get());
        }
        return result(license, valid);
    }

    private License find(String licenseId) {
        if (licenseId == null || licenseId.length() > Limits.LICENSE_ID_LENGTH) {
            throw DomainException.notFound("licence", "?");
        }
        return licenses.findById(licenseId).orElseThrow(() -> DomainException.notFound("licence", licenseId));
    }

    private Optional<byte[]> signedBytes(License license) {
        try {
            return Optional.of(sealer.signedBytes(license));
        } catch (FieldCipherException altered) {
            return Optional.empty();
        }
    }

    /** The signed bytes are this licence's, sealed by a key of its own issuing department. */
    private static boolean describes(License license, byte[] signed, SigningKey key) {
        LicenseContent content;
        try {
            content = LicenseContent.parse(signed);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return content.licenseId().equals(license.id())
                && content.typeCode().equals(license.typeCode())
                && content.issuerDepartment().equals(license.issuerDepartment())
                && key.department().equals(license.issuerDepartment())
                && content.kid().equals(key.kid())
                && content.holderRef().equals(license.holderRef())
                && content.version() == license.licenseVersion()
                && Objects.equals(content.validUntil(), license.validUntil())
                && content.validFrom().equals(license.validFrom());
    }

    private Result result(License license, boolean signatureValid) {
        return new Result(license.id(), license.typeCode(), license.issuerDepartment(), signatureValid,
                license.statusOn(LicenseService.today(clock.instant())), license.validUntil());
    }

    private static byte[] decode(String base64Url) {
        try {
            return Base64Url.decode(base64Url);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
