package dev.onewindow.elicense.seal;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningAlgorithmTest {

    private static final byte[] MESSAGE = "{\"licenseId\":\"YYZZ34130000000001\",\"名称\":\"示范\"}"
            .getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void signsAndVerifiesARoundTripAndRejectsAnyChange(SigningAlgorithm algorithm) {
        KeyPair pair = algorithm.generateKeyPair();
        byte[] signature = algorithm.sign(pair.getPrivate(), MESSAGE);

        assertThat(signature).hasSize(64);
        assertThat(algorithm.verify(pair.getPublic(), MESSAGE, signature)).isTrue();

        byte[] altered = MESSAGE.clone();
        altered[5] ^= 1;
        assertThat(algorithm.verify(pair.getPublic(), altered, signature)).isFalse();
        byte[] badSignature = signature.clone();
        badSignature[40] ^= 1;
        assertThat(algorithm.verify(pair.getPublic(), MESSAGE, badSignature)).isFalse();
        assertThat(algorithm.verify(algorithm.generateKeyPair().getPublic(), MESSAGE, signature)).isFalse();
        assertThat(algorithm.verify(pair.getPublic(), MESSAGE, new byte[10])).isFalse();
    }

    @Test
    void sm2SignaturesAreSm2WithSm3OnTheSm2CurveAndInteroperateWithBouncyCastleDirectly() throws Exception {
        KeyPair pair = SigningAlgorithm.SM2.generateKeyPair();
        assertThat(((java.security.interfaces.ECKey) pair.getPublic()).getParams().getCurve().getField()
                .getFieldSize()).isEqualTo(256);

        // a signature made by Bouncy Castle's own SM3withSM2 (DER) verifies through our raw r||s form, and back
        java.security.Signature bc = java.security.Signature.getInstance("SM3withSM2",
                new org.bouncycastle.jce.provider.BouncyCastleProvider());
        bc.initSign(pair.getPrivate());
        bc.update(MESSAGE);
        byte[] der = bc.sign();
        assertThat(SigningAlgorithm.SM2.verify(pair.getPublic(), MESSAGE, DerSignatures.toRaw(der, 32))).isTrue();

        byte[] ours = SigningAlgorithm.SM2.sign(pair.getPrivate(), MESSAGE);
        bc.initVerify(pair.getPublic());
        bc.update(MESSAGE);
        assertThat(bc.verify(DerSignatures.toDer(ours))).isTrue();

        // an SM2 signature is not an ES256 one
        assertThat(SigningAlgorithm.ES256.verify(pair.getPublic(), MESSAGE, ours)).isFalse();
    }

    @Test
    void digestsAreSha256AndSm3() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(HexFormat.of().formatHex(SigningAlgorithm.ES256.digest(abc)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        // GB/T 32905-2016 example 1
        assertThat(HexFormat.of().formatHex(SigningAlgorithm.SM2.digest(abc)))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void derConversionKeepsShortAndHighBitIntegers() {
        byte[] raw = new byte[64];
        raw[31] = 1;            // r = 1 (short)
        raw[32] = (byte) 0x80;  // s has its high bit set (needs a sign byte in DER)
        assertThat(DerSignatures.toRaw(DerSignatures.toDer(raw), 32)).isEqualTo(raw);
    }

    @Test
    void parsesConfiguredNames() {
        assertThat(SigningAlgorithm.parse(null)).isEqualTo(SigningAlgorithm.ES256);
        assertThat(SigningAlgorithm.parse("es256")).isEqualTo(SigningAlgorithm.ES256);
        assertThat(SigningAlgorithm.parse("SM2-SM3")).isEqualTo(SigningAlgorithm.SM2);
        assertThatThrownBy(() -> SigningAlgorithm.parse("RS256")).isInstanceOf(IllegalArgumentException.class);
    }
}
