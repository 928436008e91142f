package dev.onewindow.elicense.seal.web;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

import dev.onewindow.elicense.config.ELicenseProperties;
import dev.onewindow.elicense.config.ELicenseProperties.DepartmentKeys;
import dev.onewindow.elicense.config.ELicenseProperties.KeyEntry;
import dev.onewindow.elicense.seal.KeyMaterial;
import dev.onewindow.elicense.seal.KeyRing;
import dev.onewindow.elicense.seal.QrToken;
import dev.onewindow.elicense.seal.SigningAlgorithm;
import dev.onewindow.elicense.support.InMemoryKeyStore;
import dev.onewindow.elicense.support.OfflineVerifier;
import dev.onewindow.platform.personal.FieldCipher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An offline verifier checks licence QR tokens with nothing but the published key set — exactly the JSON the
 * {@code /keys} endpoint serves — for an ES256 department, an SM2 department, and a key retired by rotation.
 */
class OfflineVerificationTest {

    private final KeyPair retired = SigningAlgorithm.ES256.generateKeyPair();
    private final KeyPair current = SigningAlgorithm.ES256.generateKeyPair();
    private final KeyPair sm2 = SigningAlgorithm.SM2.generateKeyPair();
    private final KeyRing ring = ring(Map.of(
            "SCJGJ", new DepartmentKeys("scjgj-2026", Map.of(
                    "scjgj-2026", new KeyEntry("ES256", KeyMaterial.base64(current.getPrivate()), null),
                    "scjgj-2025", new KeyEntry("ES256", null, Base64.getEncoder().encodeToString(
                            retired.getPublic().getEncoded())))),
            "RSJ", new DepartmentKeys("rsj-1", Map.of(
                    "rsj-1", new KeyEntry("SM2", KeyMaterial.base64(sm2.getPrivate()), null)))));

    private static KeyRing ring(Map<String, DepartmentKeys> keys) {
        return new KeyRing(new ELicenseProperties(null, null, null, false, Map.of(), keys, null, null, null, null, null),
                new InMemoryKeyStore(), new StaticListableBeanFactory().getBeanProvider(FieldCipher.class),
                Clock.systemUTC());
    }

    /** What {@code GET /api/v1/licenses/keys} returns, serialised as it goes over the wire. */
    private String publishedKeySet() {
        return JsonMapper.builder().build().writeValueAsString(KeysController.publish(ring));
    }

    @Test
    void anEs256TokenVerifiesOfflineAndCarriesTheLicenceClaims() {
        String token = QrToken.create(ring.activeKey("SCJGJ"), claims("YYZZ34130000000042", "SCJGJ", "YYZZ"));

        JsonNode payload = new OfflineVerifier(publishedKeySet()).verify(token);

        assertThat(payload).isNotNull();
        assertThat(payload.get("lid").asString()).isEqualTo("YYZZ34130000000042");
        assertThat(payload.get("iss").asString()).isEqualTo("SCJGJ");
        assertThat(payload.get("ltp").asString()).isEqualTo("YYZZ");
        assertThat(payload.get("dig").asString()).isEqualTo(digest());
        assertThat(payload.get("sli").asLong()).isEqualTo(7);
    }

    @Test
    void anOfflineVerifierRefusesATokenPastItsExpiryOrWithoutOne() {
        String token = QrToken.create(ring.activeKey("SCJGJ"), claims("YYZZ34130000000042", "SCJGJ", "YYZZ"));
        OfflineVerifier verifier = new OfflineVerifier(publishedKeySet());
        long exp = verifier.verify(token).get("exp").asLong();

        assertThat(verifier.verify(token, java.time.Instant.ofEpochSecond(exp - 1))).isNotNull();
        assertThat(verifier.verify(token, java.time.Instant.ofEpochSecond(exp))).isNull();
        // a token without exp (as they were before), genuinely signed, is never accepted: it would be valid forever
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceAll("\"exp\":[0-9]+,", "");
        assertThat(payload).doesNotContain("exp");
        String input = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.getBytes(StandardCharsets.UTF_8));
        String withoutExp = input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                ring.activeKey("SCJGJ").sign(input.getBytes(StandardCharsets.US_ASCII)));
        assertThat(verifier.verify(withoutExp)).isNull();
    }

    @Test
    void anSm2TokenVerifiesOfflineWithThePublishedSm2Key() {
        String token = QrToken.create(ring.activeKey("RSJ"), claims("SBK34130000000001", "RSJ", "SBK"));
        assertThat(token.split("\\.")[0]).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"SM2\",\"kid\":\"rsj-1\",\"typ\":\"ow-license+jws\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(new OfflineVerifier(publishedKeySet()).verify(token)).isNotNull();
    }

    @Test
    void aTokenSealedBeforeARotationStillVerifies() {
        // a token made with the retired key (as it was before the rotation)
        KeyRing before = ring(Map.of("SCJGJ", new DepartmentKeys("scjgj-2025", Map.of(
                "scjgj-2025", new KeyEntry("ES256", KeyMaterial.base64(retired.getPrivate()), null)))));
        String oldToken = QrToken.create(before.activeKey("SCJGJ"), claims("YYZZ34130000000001", "SCJGJ", "YYZZ"));

        assertThat(new OfflineVerifier(publishedKeySet()).verify(oldToken)).isNotNull();
    }

    @Test
    void aTamperedTokenOrOneClaimingAnotherIssuerDoesNotVerify() {
        String token = QrToken.create(ring.activeKey("SCJGJ"), claims("YYZZ34130000000042", "SCJGJ", "YYZZ"));
        String[] parts = token.split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(
                Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("YYZZ34130000000042", "YYZZ34130000000043").getBytes(StandardCharsets.UTF_8));
        OfflineVerifier verifier = new OfflineVerifier(publishedKeySet());

        assertThat(verifier.verify(parts[0] + "." + otherPayload + "." + parts[2])).isNull();
        char last = parts[2].charAt(5);
        assertThat(verifier.verify(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 5)
                + (last == 'A' ? 'B' : 'A') + parts[2].substring(6))).isNull();
        // SCJGJ's key cannot vouch for a licence of RSJ
        assertThat(verifier.verify(QrToken.create(ring.activeKey("SCJGJ"), claims("SBK34130000000001", "RSJ",
                "SBK")))).isNull();
        assertThat(verifier.verify("not.a.token")).isNull();
    }

    private static QrToken.Claims claims(String licenseId, String issuer, String type) {
        long now = java.time.Instant.now().getEpochSecond();
        return new QrToken.Claims(licenseId, issuer, type, 1, digest(), 7, now, now + 86_400);
    }

    private static String digest() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                SigningAlgorithm.ES256.digest("canonical".getBytes(StandardCharsets.UTF_8)));
    }
}
