package dev.onewindow.elicense.seal;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

import dev.onewindow.elicense.config.ELicenseProperties;
import dev.onewindow.elicense.config.ELicenseProperties.DepartmentKeys;
import dev.onewindow.elicense.config.ELicenseProperties.KeyEntry;
import dev.onewindow.elicense.support.InMemoryKeyStore;
import dev.onewindow.platform.personal.FieldCipher;
import dev.onewindow.platform.domain.UnavailableException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyRingTest {

    private static final byte[] MESSAGE = "licence".getBytes(StandardCharsets.UTF_8);
    private final ObjectProvider<FieldCipher> cipher = new StaticListableBeanFactory(Map.of("cipher",
            FieldCipher.withSingleKey("t", FieldCipher.generateKey()))).getBeanProvider(FieldCipher.class);

    @Test
    void rotationSealsWithTheNewKeyAndKeepsTheOldOnePublishedAndVerifiable() {
        KeyPair old = SigningAlgorithm.ES256.generateKeyPair();
        KeyPair current = SigningAlgorithm.ES256.generateKeyPair();
        byte[] sealedBeforeRotation = SigningAlgorithm.ES256.sign(old.getPrivate(), MESSAGE);

        // after the rotation the old key's private half is gone: only its public key stays configured
        KeyRing ring = ring(false, Map.of(), Map.of("SCJGJ", new DepartmentKeys("scjgj-2026", Map.of(
                "scjgj-2026", new KeyEntry("ES256", pem(current), null),
                "scjgj-2025", new KeyEntry("ES256", null, publicPem(old))))));

        assertThat(ring.activeKey("SCJGJ").kid()).isEqualTo("scjgj-2026");
        assertThat(ring.find("scjgj-2025")).get().satisfies(k -> {
            assertThat(k.canSign()).isFalse();
            assertThat(k.verify(MESSAGE, sealedBeforeRotation)).isTrue();
        });
        assertThat(ring.published()).extracting(k -> k.key().kid() + ":" + k.active())
                .containsExactly("scjgj-2025:false", "scjgj-2026:true");
    }

    @Test
    void configuredSm2KeysAreReadFromBase64Pkcs8AndTheirPublicKeyIsDerived() {
        KeyPair sm2 = SigningAlgorithm.SM2.generateKeyPair();
        KeyRing ring = ring(false, Map.of(), Map.of("RSJ", new DepartmentKeys(null, Map.of(
                "rsj-1", new KeyEntry("SM2", KeyMaterial.base64(sm2.getPrivate()), null)))));

        SigningKey key = ring.activeKey("RSJ");
        assertThat(key.algorithm()).isEqualTo(SigningAlgorithm.SM2);
        assertThat(SigningAlgorithm.SM2.verify(sm2.getPublic(), MESSAGE, key.sign(MESSAGE))).isTrue();
        assertThat(key.jwk(true)).containsEntry("crv", "SM2").containsEntry("alg", "SM2").containsEntry("dept", "RSJ");
    }

    @Test
    void aKeyOnTheWrongCurveOrAMissingActiveKeyStopsTheStart() {
        KeyPair p256 = SigningAlgorithm.ES256.generateKeyPair();
        assertThatThrownBy(() -> ring(false, Map.of(), Map.of("RSJ", new DepartmentKeys(null, Map.of(
                "rsj-1", new KeyEntry("SM2", pem(p256), null))))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ring(false, Map.of(), Map.of("GAJ", new DepartmentKeys("nope", Map.of(
                "gaj-1", new KeyEntry("ES256", pem(p256), null), "gaj-2", new KeyEntry("ES256", pem(p256), null))))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("active-kid");
    }

    @Test
    void keyIdsAndDepartmentsOutsideTheirFormatOrTooManyKeysStopTheStart() {
        KeyEntry key = new KeyEntry("ES256", pem(SigningAlgorithm.ES256.generateKeyPair()), null);
        assertThatThrownBy(() -> ring(false, Map.of(), Map.of("GAJ", new DepartmentKeys(null, Map.of(
                "gaj key/1", key))))).isInstanceOf(IllegalStateException.class).hasMessageContaining("gaj key/1");
        assertThatThrownBy(() -> ring(false, Map.of(), Map.of("gaj", new DepartmentKeys(null, Map.of("gaj-1", key)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("signing-keys.gaj");
        Map<String, KeyEntry> eleven = new java.util.HashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("gaj-" + i, key);
        }
        assertThatThrownBy(() -> ring(false, Map.of(), Map.of("GAJ", new DepartmentKeys("gaj-0", eleven))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at most 10 keys");
    }

    @Test
    void withoutConfiguredKeysAndWithGenerationOffIssuingIsUnavailable() {
        // another department's keys are configured; GAJ has none
        KeyRing ring = ring(false, Map.of(), Map.of("ZRZYJ", new DepartmentKeys(null, Map.of(
                "zrzyj-1", new KeyEntry("ES256", pem(SigningAlgorithm.ES256.generateKeyPair()), null)))));
        assertThatThrownBy(() -> ring.activeKey("GAJ")).isInstanceOfSatisfying(UnavailableException.class,
                e -> assertThat(e.code()).isEqualTo("SIGNING_KEY_UNAVAILABLE"));
    }

    @Test
    void noConfiguredKeyAtAllAndGenerationOffStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> ring(false, Map.of(), Map.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("onewindow.elicense.signing-keys is not set");
    }

    @Test
    void devGenerationCreatesOneKeyPerDepartmentAndAlgorithmAndKeepsOldOnesPublished() {
        InMemoryKeyStore store = new InMemoryKeyStore();
        KeyRing es = new KeyRing(properties(true, Map.of(), Map.of()), store, cipher, Clock.systemUTC());
        SigningKey first = es.activeKey("GAJ");
        assertThat(first.kid()).isEqualTo("GAJ-dev-es256");
        assertThat(es.activeKey("GAJ")).isSameAs(first);

        // another instance sharing the store uses the same key
        KeyRing other = new KeyRing(properties(true, Map.of(), Map.of()), store, cipher, Clock.systemUTC());
        assertThat(other.activeKey("GAJ").publicKey()).isEqualTo(first.publicKey());
        assertThat(other.find("GAJ-dev-es256").orElseThrow().verify(MESSAGE, first.sign(MESSAGE))).isTrue();

        // switching the department to SM2 generates a new key; the ES256 one stays published, retired
        KeyRing sm2 = new KeyRing(properties(true, Map.of("GAJ", "SM2"), Map.of()), store, cipher,
                Clock.systemUTC());
        assertThat(sm2.activeKey("GAJ").kid()).isEqualTo("GAJ-dev-sm2");
        assertThat(sm2.published()).extracting(k -> k.key().kid() + ":" + k.active())
                .containsExactlyInAnyOrder("GAJ-dev-es256:false", "GAJ-dev-sm2:true");
        // the stored private key is encrypted (AES-GCM envelope), not plain PKCS#8 (Base64 "MIG…")
        assertThat(store.find("GAJ-dev-sm2").orElseThrow().encryptedPrivateKey()).doesNotStartWith("MI");
    }

    private KeyRing ring(boolean generate, Map<String, String> algorithms, Map<String, DepartmentKeys> keys) {
        return new KeyRing(properties(generate, algorithms, keys), new InMemoryKeyStore(), cipher, Clock.systemUTC());
    }

    static ELicenseProperties properties(boolean generate, Map<String, String> algorithms,
            Map<String, DepartmentKeys> keys) {
        return new ELicenseProperties(null, null, null, generate, algorithms, keys, null, null, null, null, null);
    }

    static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    static String publicPem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
