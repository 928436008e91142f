package dev.onewindow.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/** The guard's framing, byte by byte: where heads start, which are folded, and what it passes on. */
class FoldedLineGuardTest {

    private static final String PLAIN = "GET /a HTTP/1.1\r\nHost: h\r\n\r\n";
    private static final String FOLDED = "GET /b HTTP/1.1\r\nHost: h\r\nX-A: a\r\n b\r\n\r\n";

    private final EmbeddedChannel channel = new EmbeddedChannel(new FoldedLineGuard());

    @Test
    void plainPipelinedRequestsWithBodiesPassUntouchedAndNoneIsFolded() {
        String requests = PLAIN
                + "POST /c HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nx\r\n y"
                + "POST /d HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=\"v\"\r\nx\r\n y\r\n0\r\nX-T: t\r\n\r\n" + PLAIN;

        assertThat(passed(requests)).isEqualTo(requests);
        assertThat(foldedOrdinals(4)).containsExactly(false, false, false, false);
    }

    @Test
    void theFoldedHeadIsMarkedByItsOrdinalAndNothingAfterItPasses() {
        String earlier = "POST /c HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nx\r\n y";

        assertThat(passed(earlier + FOLDED + PLAIN)).isEqualTo(earlier + FOLDED);
        assertThat(passed(PLAIN)).isEmpty();
        assertThat(foldedOrdinals(2)).containsExactly(false, true);
    }

    @Test
    void aFoldSplitAcrossReadsIsFound() {
        int cut = FOLDED.indexOf(" b");
        String first = passed(FOLDED.substring(0, cut));
        String second = passed(FOLDED.substring(cut) + PLAIN);

        assertThat(first + second).isEqualTo(FOLDED);
        assertThat(foldedOrdinals(1)).containsExactly(true);
    }

    @Test
    void whiteSpaceBeforeAChunkSizeOrInARequestLineIsNotAFold() {
        String requests = "POST /d HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n 2 \r\nab\r\n0\r\n\r\n"
                + "\r\n" + PLAIN;

        assertThat(passed(requests)).isEqualTo(requests);
        assertThat(foldedOrdinals(2)).containsExactly(false, false);
    }

    /** A length the guard cannot trust is left to the decoder, which refuses it; the guard stops following. */
    @Test
    void afterAnUnsoundLengthTheConnectionIsNoLongerFollowed() {
        String requests = "POST /c HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc" + FOLDED;

        assertThat(passed(requests)).isEqualTo(requests);
        assertThat(foldedOrdinals(2)).containsExactly(false, false);
    }

    private String passed(String bytes) {
        channel.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.ISO_8859_1));
        StringBuilder out = new StringBuilder();
        for (ByteBuf buf = channel.readInbound(); buf != null; buf = channel.readInbound()) {
            out.append(buf.toString(StandardCharsets.ISO_8859_1));
            buf.release();
        }
        return out.toString();
    }

    private Boolean[] foldedOrdinals(int requests) {
        Boolean[] folded = new Boolean[requests];
        for (int i = 0; i < requests; i++) {
            folded[i] = FoldedLineGuard.isFolded(channel);
        }
        return folded;
    }
}
