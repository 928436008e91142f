package dev.onewindow.gateway.front;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/** The end of an upstream connection's pipeline: hands what the service sends to the call using the connection. */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {

    final Channel channel;
    /** The call this connection serves; {@code null} while pooled. Only touched on the connection's event loop. */
    Call call;
    long idleSince;

    UpstreamHandler(Channel channel) {
        this.channel = channel;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (call != null) {
            call.upstreamRead(message);
        } else {
            ReferenceCountUtil.release(message); // nothing expected while pooled
            ctx.close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (call != null) {
            call.upstreamReadComplete();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (call != null) {
            call.upstreamWritabilityChanged();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (call != null) {
            call.upstreamClosed();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // reported to the call as a close
    }
}
