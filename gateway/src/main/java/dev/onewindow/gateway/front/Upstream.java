package dev.onewindow.gateway.front;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * One address the front forwards to (a service, or the gateway's own Spring stack): its kept-alive connections,
 * pooled per event loop so that a call never leaves the thread of the client's connection (no locks, no hand-offs),
 * most recently used first. A pooled connection idle longer than {@code maxIdle} is closed instead of reused (before
 * the service's own keep-alive timeout can close it under a request). At most {@code maxConnections} are open; a
 * call beyond that is refused (503) rather than queued.
 */
final class Upstream {

    /** The services' and the Spring stack's answers: their headers are passed on, not validated again here. */
    private static final HttpDecoderConfig DECODER = new HttpDecoderConfig().setValidateHeaders(false);

    final AsciiString hostHeader;
    private final String host;
    private final int port;
    private final Bootstrap bootstrap;
    private final int maxConnections;
    private final long maxIdleNanos;
    private final AtomicInteger open = new AtomicInteger();
    private final FastThreadLocal<ArrayDeque<UpstreamHandler>> idle = new FastThreadLocal<>() {
        @Override
        protected ArrayDeque<UpstreamHandler> initialValue() {
            return new ArrayDeque<>();
        }
    };

    Upstream(String host, int port, Class<? extends Channel> channelType, int connectTimeoutMillis,
            int maxConnections, long maxIdleNanos) {
        this.host = host;
        this.port = port;
        this.hostHeader = AsciiString.of(port == 80 ? host : host + ":" + port);
        this.maxConnections = maxConnections;
        this.maxIdleNanos = maxIdleNanos;
        this.bootstrap = new Bootstrap()
                .channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(DECODER, false, false),
                                new UpstreamHandler(channel));
                    }
                });
    }

    /** Hands the call a connection on {@code loop}: a pooled one at once, or a new one once connected. */
    void acquire(EventLoop loop, Call call) {
        ArrayDeque<UpstreamHandler> pool = idle.get();
        long now = System.nanoTime();
        UpstreamHandler pooled;
        while ((pooled = pool.pollLast()) != null) {
            if (pooled.channel.isActive() && now - pooled.idleSince < maxIdleNanos) {
                call.upstreamReady(pooled, true);
                return;
            }
            pooled.channel.close();
        }
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            call.upstreamFailed();
            return;
        }
        ChannelFuture connecting = bootstrap.clone(loop).connect(host, port);
        connecting.addListener(done -> {
            if (!done.isSuccess()) {
                open.decrementAndGet();
                call.upstreamFailed();
                return;
            }
            Channel channel = connecting.channel();
            channel.closeFuture().addListener(closed -> open.decrementAndGet());
            call.upstreamReady(channel.pipeline().get(UpstreamHandler.class), false);
        });
    }

    /** Takes back a connection whose exchange completed cleanly (request sent whole, response read whole). */
    void release(UpstreamHandler handler) {
        handler.call = null;
        handler.idleSince = System.nanoTime();
        handler.channel.config().setAutoRead(true);
        idle.get().addLast(handler);
    }
}
