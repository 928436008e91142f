package dev.onewindow.elicense.statuslist;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BitstringTest {

    @Test
    void indexZeroIsTheLeftMostBitAndTheListIsGzipBase64urlMultibase() throws Exception {
        Bitstring bits = new Bitstring(131_072);
        bits.set(0);
        bits.set(9);
        bits.set(131_071);

        String encoded = bits.encode();

        assertThat(encoded).startsWith("u").doesNotContain("=", "+", "/");
        byte[] raw = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder()
                .decode(encoded.substring(1)))).readAllBytes();
        assertThat(raw).hasSize(16_384);
        assertThat(raw[0]).isEqualTo((byte) 0x80);
        assertThat(raw[1]).isEqualTo((byte) 0x40);
        assertThat(raw[16_383]).isEqualTo((byte) 0x01);
        // an almost empty 16 KB list compresses to well under a kilobyte
        assertThat(encoded.length()).isLessThan(200);

        Bitstring decoded = Bitstring.decode(encoded);
        assertThat(decoded.size()).isEqualTo(131_072);
        assertThat(decoded.get(0)).isTrue();
        assertThat(decoded.get(1)).isFalse();
        assertThat(decoded.get(9)).isTrue();
        assertThat(decoded.get(131_071)).isTrue();
        decoded.clear(9);
        assertThat(decoded.get(9)).isFalse();
        assertThat(decoded.get(0)).isTrue();
    }

    @Test
    void rejectsWhatIsNotAList() {
        assertThatThrownBy(() -> Bitstring.decode("zabc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bitstring.decode("uAAAA")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bitstring(8).set(8)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
