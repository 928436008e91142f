package dev.onewindow.gateway.edge;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Finds obsolete line folding (obs-fold, RFC 9112 5.2: a field line that starts with a space or tab) in request heads
 * as their bytes arrive, ahead of Reactor Netty's HTTP decoder — which would otherwise join the folded line to the
 * field before anyone can tell. It serves nothing: it reads the bytes it passes on, marks the connection with the
 * ordinal of the first folded head ({@link #foldedHead}) for {@link StrictHttpFilter} to refuse that request with 400
 * and a close, and after that head drops whatever else the client sent on the connection.
 * <p>
 * To know where each head starts on a keep-alive connection it follows the framing RFC 9112 6 allows a request: no
 * body, one {@code Content-Length}, or {@code Transfer-Encoding} (chunk sizes, data, trailers). Anything else — an
 * unreadable or repeated length, a length beside a transfer coding, an unreadable chunk — is left to the decoder and
 * to {@link MessageFraming}, which refuse it and close; the guard then stops looking at that connection
 * ({@code UNFOLLOWED}) rather than guess a boundary. The gateway never switches protocols (HTTP/2 and WebSocket
 * routing are off), so every request on a connection is framed this way. Folding in a chunked body's trailers is not
 * looked for: the gateway forwards no trailers. Not sharable: one per connection.
 */
public final class FoldedLineGuard extends ChannelInboundHandlerAdapter {

    public static final String HANDLER = "onewindow.foldedLineGuard";

    private static final AttributeKey<Integer> FOLDED_HEAD = AttributeKey.valueOf("onewindow.foldedHead");
    private static final AttributeKey<int[]> REQUESTS_SEEN = AttributeKey.valueOf("onewindow.requestsSeen");

    /** Enough of a line to read a field name and a Content-Length value; longer lines are only skipped. */
    private static final int LINE_PREFIX = 128;

    private enum State { HEAD, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, FOLDED, DISCARD, UNFOLLOWED }

    private State state = State.HEAD;
    private final StringBuilder line = new StringBuilder(LINE_PREFIX);
    private int lineLength;
    private int linesInHead;
    private int heads;
    private long remaining;
    private long contentLength;
    private boolean lengthSeen;
    private boolean lengthUnsound;
    private boolean chunked;

    /** Puts a guard on every connection, just ahead of Reactor Netty's HTTP decoder. */
    @Component
    public static final class Installer implements NettyServerCustomizer {

        @Override
        public HttpServer apply(HttpServer server) {
            return server.doOnChannelInit((observer, channel, remoteAddress) -> {
                if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                    channel.pipeline().addBefore(NettyPipeline.HttpCodec, HANDLER, new FoldedLineGuard());
                }
            });
        }
    }

    /**
     * For the request now being handled on {@code channel}: whether its head (or an earlier one still unanswered) had
     * a folded line. Each call counts one request, so it is called once per request, in order.
     */
    public static boolean isFolded(Channel channel) {
        int[] seen = channel.attr(REQUESTS_SEEN).setIfAbsent(new int[1]);
        if (seen == null) {
            seen = channel.attr(REQUESTS_SEEN).get();
        }
        int ordinal = ++seen[0];
        Integer folded = channel.attr(FOLDED_HEAD).get();
        return folded != null && ordinal >= folded;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (!(msg instanceof ByteBuf bytes) || state == State.UNFOLLOWED) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (state == State.DISCARD) {
            ReferenceCountUtil.release(msg);
            return;
        }
        int start = bytes.readerIndex();
        int end = bytes.writerIndex();
        int keep = end;
        for (int i = start; i < end && keep == end; i++) {
            i = step(bytes, i, end, ctx.channel());
            if (state == State.DISCARD) {
                keep = i + 1;
            }
        }
        if (keep < end) {
            bytes.writerIndex(keep);
        }
        ctx.fireChannelRead(bytes);
    }

    /** Consumes the byte at {@code i} (or, in a body, a run of bytes) and returns the index of the last consumed. */
    private int step(ByteBuf bytes, int i, int end, Channel channel) {
        switch (state) {
            case BODY, CHUNK_DATA -> {
                int run = (int) Math.min(remaining, end - i);
                remaining -= run;
                if (remaining == 0) {
                    state = state == State.BODY ? State.HEAD : State.CHUNK_END;
                    remaining = 2;
                }
                return i + run - 1;
            }
            case CHUNK_END -> {
                byte expected = remaining == 2 ? (byte) '\r' : (byte) '\n';
                if (bytes.getByte(i) != expected) {
                    state = State.UNFOLLOWED;
                } else if (--remaining == 0) {
                    state = State.CHUNK_SIZE;
                }
                return i;
            }
            case UNFOLLOWED, DISCARD -> {
                return i;
            }
            default -> {
                lineByte(bytes.getByte(i), channel);
                return i;
            }
        }
    }

    /** A byte of a line of a head, a chunk-size line or the trailers. */
    private void lineByte(byte b, Channel channel) {
        if (b != '\n') {
            if (lineLength == 0 && (b == ' ' || b == '\t') && state == State.HEAD && linesInHead > 0) {
                channel.attr(FOLDED_HEAD).setIfAbsent(heads + 1);
                state = State.FOLDED;
            }
            if (lineLength++ < LINE_PREFIX && b != '\r') {
                line.append((char) (b & 0xff));
            }
            return;
        }
        String text = line.toString();
        line.setLength(0);
        boolean empty = lineLength == 0 || (lineLength == 1 && text.isEmpty());
        boolean whole = lineLength <= LINE_PREFIX;
        lineLength = 0;
        switch (state) {
            case HEAD -> headLine(text, empty, whole);
            case FOLDED -> {
                if (empty) {
                    state = State.DISCARD;
                }
            }
            case CHUNK_SIZE -> chunkSize(text);
            case TRAILERS -> {
                if (empty) {
                    state = State.HEAD;
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void headLine(String text, boolean empty, boolean whole) {
        if (empty) {
            if (linesInHead > 0) {
                endOfHead();
            }
            return; // empty lines before a request line are allowed (RFC 9112 2.2)
        }
        if (linesInHead++ == 0) {
            return; // the request line
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return;
        }
        String name = text.substring(0, colon);
        if (name.equalsIgnoreCase("Content-Length")) {
            contentLength = whole ? parseLength(text.substring(colon + 1).trim()) : -1;
            lengthUnsound |= lengthSeen || contentLength < 0;
            lengthSeen = true;
        } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
            chunked = true;
        }
    }

    private void endOfHead() {
        heads++;
        if (lengthUnsound || lengthSeen && chunked) {
            state = State.UNFOLLOWED;
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength > 0) {
            state = State.BODY;
            remaining = contentLength;
        } else {
            state = State.HEAD;
        }
        linesInHead = 0;
        contentLength = 0;
        lengthSeen = false;
        lengthUnsound = false;
        chunked = false;
    }

    /** The length, or -1 for a value that is not one. */
    private static long parseLength(String value) {
        if (value.isEmpty() || value.length() > 18) {
            return -1;
        }
        long length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            length = length * 10 + (c - '0');
        }
        return length;
    }

    private void chunkSize(String text) {
        int semicolon = text.indexOf(';');
        String size = (semicolon >= 0 ? text.substring(0, semicolon) : text).trim();
        if (size.isEmpty() || size.length() > 15) {
            state = State.UNFOLLOWED;
            return;
        }
        long length = 0;
        for (int i = 0; i < size.length(); i++) {
            int digit = Character.digit(size.charAt(i), 16);
            if (digit < 0) {
                state = State.UNFOLLOWED;
                return;
            }
            length = length * 16 + digit;
        }
        if (length == 0) {
            state = State.TRAILERS;
        } else {
            state = State.CHUNK_DATA;
            remaining = length;
        }
    }
}
