package dev.onewindow.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class LookupHasherTest {

    private final LookupHasher hasher = new LookupHasher(FieldCipher.generateKey());

    @Test
    void isHmacSha256() {
        // RFC 4231 test case 6 (a 131-byte key)
        byte[] key = new byte[131];
        Arrays.fill(key, (byte) 0xaa);
        LookupHasher rfc = new LookupHasher(Base64.getEncoder().encodeToString(key));

        assertThat(rfc.hash("Test Using Larger Than Block-Size Key - Hash Key First"))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Test
    void sameInputSameHashDifferentKeyDifferentHash() {
        LookupHasher otherKey = new LookupHasher(FieldCipher.generateKey());

        assertThat(hasher.hash("13812345678")).isEqualTo(hasher.hash("13812345678")).hasSize(64);
        assertThat(hasher.hash("13812345678")).isNotEqualTo(hasher.hash("13812345679"));
        assertThat(otherKey.hash("13812345678")).isNotEqualTo(hasher.hash("13812345678"));
    }

    @Test
    void idNumbersAreNormalisedSoLowercaseXFindsTheSameRecords() {
        String canonical = hasher.hash(ResidentIdNumber.of("11010519491231002X"));

        assertThat(hasher.hashIdNumber("11010519491231002x")).isEqualTo(canonical);
        assertThat(hasher.hashIdNumber(" 11010519491231002X ")).isEqualTo(canonical);
        assertThat(hasher.hash("11010519491231002x")).as("plain hash is exact").isNotEqualTo(canonical);
    }

    @Test
    void rejectsAShortKey() {
        assertThatThrownBy(() -> new LookupHasher(Base64.getEncoder().encodeToString(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }
}
