package dev.onewindow.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final String KEY_2025 = FieldCipher.generateKey();
    private static final String KEY_2026 = FieldCipher.generateKey();
    private static final String ID_NUMBER = "11010519491231002X";

    private final FieldCipher cipher = FieldCipher.withSingleKey("k2025", KEY_2025);

    @Test
    void roundTrips() {
        for (String plaintext : new String[] {ID_NUMBER, "欧阳娜娜", "安徽省宿州市埇桥区 𠮷 路 1 号", ""}) {
            assertThat(cipher.decrypt(cipher.encrypt(plaintext))).isEqualTo(plaintext);
        }
    }

    @Test
    void theSamePlaintextEncryptsDifferentlyEachTime() {
        String first = cipher.encrypt(ID_NUMBER);
        String second = cipher.encrypt(ID_NUMBER);

        assertThat(first).isNotEqualTo(second).doesNotContain(ID_NUMBER);
        assertThat(cipher.decrypt(first)).isEqualTo(cipher.decrypt(second));
    }

    @Test
    void anyAlteredByteIsDetected() {
        byte[] sealed = Base64.getDecoder().decode(cipher.encrypt(ID_NUMBER));
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            String altered = Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> cipher.decrypt(altered)).as("byte " + i)
                    .isInstanceOf(FieldCipherException.class)
                    .hasMessageNotContaining(ID_NUMBER);
        }
    }

    @Test
    void malformedCiphertextIsRejected() {
        String sealed = cipher.encrypt(ID_NUMBER);

        assertThatThrownBy(() -> cipher.decrypt(sealed.substring(0, 20))).isInstanceOf(FieldCipherException.class);
        assertThatThrownBy(() -> cipher.decrypt("not base64 at all!")).isInstanceOf(FieldCipherException.class);
        assertThatThrownBy(() -> cipher.decrypt("")).isInstanceOf(FieldCipherException.class);
        assertThatThrownBy(() -> cipher.decrypt(null)).isInstanceOf(FieldCipherException.class);
    }

    @Test
    void aValueOnlyDecryptsInTheContextItWasWrittenFor() {
        String sealed = cipher.encrypt(ID_NUMBER, "case/3413022026030100000001/applicant.idNumber");

        assertThat(cipher.decrypt(sealed, "case/3413022026030100000001/applicant.idNumber")).isEqualTo(ID_NUMBER);
        assertThatThrownBy(() -> cipher.decrypt(sealed, "case/3413022026030100000002/applicant.idNumber"))
                .isInstanceOf(FieldCipherException.class);
        assertThatThrownBy(() -> cipher.decrypt(sealed)).isInstanceOf(FieldCipherException.class);
    }

    @Test
    void afterRotationOldValuesStillDecryptAndNewValuesUseTheNewKey() {
        String writtenIn2025 = cipher.encrypt(ID_NUMBER);
        FieldCipher rotated = new FieldCipher("k2026", Map.of("k2025", KEY_2025, "k2026", KEY_2026));

        assertThat(rotated.decrypt(writtenIn2025)).isEqualTo(ID_NUMBER);
        assertThat(rotated.keyIdOf(writtenIn2025)).isEqualTo("k2025");
        String writtenIn2026 = rotated.encrypt(ID_NUMBER);
        assertThat(rotated.keyIdOf(writtenIn2026)).isEqualTo("k2026");
        assertThatThrownBy(() -> cipher.decrypt(writtenIn2026))
                .isInstanceOf(FieldCipherException.class)
                .hasMessageContaining("k2026");
    }

    @Test
    void aDifferentKeyUnderTheSameIdCannotDecrypt() {
        FieldCipher impostor = FieldCipher.withSingleKey("k2025", KEY_2026);

        assertThatThrownBy(() -> impostor.decrypt(cipher.encrypt(ID_NUMBER))).isInstanceOf(FieldCipherException.class);
    }

    @Test
    void keysAreValidatedWithoutEchoingThem() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> FieldCipher.withSingleKey("k1", shortKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> FieldCipher.withSingleKey("k1", "%%%"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldCipher("k2", Map.of("k1", KEY_2025)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k2");
        assertThatThrownBy(() -> FieldCipher.withSingleKey("key with spaces", KEY_2025))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(cipher.toString()).doesNotContain(KEY_2025);
    }
}
