package dev.onewindow.gateway.front;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.onewindow.gateway.problem.GatewayProblem;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.springframework.http.HttpStatus;

/**
 * A client connection of the front: one call at a time (HTTP/1.1 keep-alive; reading pauses from the end of a
 * request until its answer is complete, so pipelined requests wait in the socket), closed when idle between calls.
 */
final class FrontHandler extends ChannelInboundHandlerAdapter {

    private static final int LINGER_SECONDS = 5;

    private final Front front;
    private Channel channel;
    private Call call;
    /** Messages of pipelined requests read along with the current one (reading pauses right after). */
    private final ArrayDeque<Object> queued = new ArrayDeque<>();
    /** The connection is closing: whatever the client still sends is read and dropped. */
    private boolean draining;

    FrontHandler(Front front) {
        this.front = front;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (draining) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (!queued.isEmpty() || waits(message)) {
            queued.add(message); // a pipelined request: answered in order, once the current call is complete
            return;
        }
        handle(message);
    }

    /** True when the message belongs to a request after the one being answered. */
    private boolean waits(Object message) {
        return call != null && (message instanceof HttpRequest || call.requestDone());
    }

    private void handle(Object message) {
        if (message instanceof HttpRequest request) {
            call = new Call(front, this, channel, request);
            if (request.decoderResult().isFailure()) {
                ReferenceCountUtil.release(message);
                reject(call, request.decoderResult().cause());
                return;
            }
            call.start();
            if (message instanceof HttpContent content) { // a request and its whole body in one message
                if (call != null && !call.requestDone()) {
                    call.requestContent(content);
                } else {
                    content.release();
                }
            }
            return;
        }
        if (message instanceof HttpContent content && call != null && !call.requestDone()) {
            call.requestContent(content);
            return;
        }
        ReferenceCountUtil.release(message); // the rest of a request already answered
    }

    private static void reject(Call call, Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            call.reject(new GatewayProblem(HttpStatus.URI_TOO_LONG, "URI_TOO_LONG", "the request line is too long",
                    Map.of(), null));
        } else if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
            call.reject(new GatewayProblem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "HEADERS_TOO_LARGE",
                    "the request headers are too large", Map.of(), null));
        } else {
            call.reject(GatewayProblem.requestRejected());
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (call != null) {
            call.clientReadComplete();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (call != null) {
            call.clientWritabilityChanged();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseQueued();
        if (call != null) {
            Call gone = call;
            call = null;
            gone.clientGone();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && call == null) {
            ctx.close();
        }
        ReferenceCountUtil.release(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    /** Reading goes on between calls, and during one while the request body has somewhere to go. */
    void updateReading() {
        boolean read = draining || (call == null ? queued.isEmpty() : call.wantsRequestBody());
        if (channel.config().isAutoRead() != read) {
            channel.config().setAutoRead(read);
        }
    }

    /** The call's answer is out (or it was abandoned): ready for the next request, or closed. */
    void callFinished(Call finished, boolean keepAlive) {
        if (call != finished) {
            return;
        }
        call = null;
        if (keepAlive && channel.isActive()) {
            while (!queued.isEmpty() && !waits(queued.peek())) {
                handle(queued.poll());
            }
            updateReading();
        } else if (!finished.requestDone() && channel.isActive() && channel instanceof DuplexChannel duplex) {
            lingeringClose(duplex);
        } else {
            releaseQueued();
            channel.close();
        }
    }

    /**
     * Answered before the client finished sending its body (413, 429, 503, 504): closing at once would make the
     * kernel reset the connection over the unread bytes, and the client would lose the answer. Instead the sending
     * side is shut (the client sees the end of the answer), the rest of the upload is read and dropped, and the
     * connection closes when the client closes it, or after {@link #LINGER_SECONDS} at most.
     */
    private void lingeringClose(DuplexChannel duplex) {
        draining = true;
        releaseQueued();
        duplex.shutdownOutput();
        Runnable close = duplex::close;
        duplex.eventLoop().schedule(close, LINGER_SECONDS, TimeUnit.SECONDS);
        duplex.config().setAutoRead(true);
    }

    private void releaseQueued() {
        Object message;
        while ((message = queued.poll()) != null) {
            ReferenceCountUtil.release(message);
        }
    }
}
