package dev.onewindow.gateway.front;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * The gateway's public HTTP port: a Netty server (native epoll where available) running {@link FrontHandler} on
 * every connection. It starts after the gateway's Spring stack (which then listens on loopback only) and stops
 * before it; {@code local.server.port} then names the front's port.
 */
final class FrontServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FrontServer.class);

    /** Netty's own limits, the same Reactor Netty's server applies: request line 4 KB, headers 8 KB. */
    private static final HttpDecoderConfig DECODER = new HttpDecoderConfig()
            .setMaxInitialLineLength(4096)
            .setMaxHeaderSize(8192)
            .setMaxChunkSize(8192)
            // each header is validated once, by RequestScreen (direct path) or by the Spring stack's decoder
            .setValidateHeaders(false);

    private final String address;
    private final int port;
    private final Duration idleTimeout;
    private final int eventLoops;
    private final Function<Transport, Front> fronts;
    private final ConfigurableEnvironment environment;
    private EventLoopGroup group;
    private Channel server;
    private volatile boolean running;

    /** The channel types of the transport in use, which the upstream connections need too. */
    record Transport(Class<? extends ServerChannel> serverChannel, Class<? extends Channel> channel) {
    }

    FrontServer(String address, int port, Duration idleTimeout, int eventLoops, Function<Transport, Front> fronts,
            ConfigurableEnvironment environment) {
        this.address = address;
        this.port = port;
        this.idleTimeout = idleTimeout;
        this.eventLoops = eventLoops;
        this.fronts = fronts;
        this.environment = environment;
    }

    @Override
    public void start() {
        boolean epoll = Epoll.isAvailable();
        Transport transport = epoll ? new Transport(EpollServerSocketChannel.class, EpollSocketChannel.class)
                : new Transport(NioServerSocketChannel.class, NioSocketChannel.class);
        group = new MultiThreadIoEventLoopGroup(eventLoops, new DefaultThreadFactory("front", true),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        Front front = fronts.apply(transport);
        long idleMillis = idleTimeout.toMillis();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(
                                new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS),
                                new HttpServerCodec(DECODER),
                                new HttpServerExpectContinueHandler(),
                                new FrontHandler(front));
                    }
                });
        InetSocketAddress bindTo = address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port);
        server = bootstrap.bind(bindTo).syncUninterruptibly().channel();
        int bound = ((InetSocketAddress) server.localAddress()).getPort();
        publishPort(bound);
        running = true;
        log.info("gateway front listening on port {} ({} event loops, {})", bound, eventLoops,
                epoll ? "epoll" : "nio");
    }

    /** {@code local.server.port} is the port clients use: the front's, not the Spring stack's loopback port. */
    @SuppressWarnings("unchecked")
    private void publishPort(int bound) {
        PropertySource<?> ports = environment.getPropertySources().get("server.ports");
        Map<String, Object> values;
        if (ports instanceof MapPropertySource map) {
            values = (Map<String, Object>) map.getSource();
        } else {
            values = new HashMap<>();
            environment.getPropertySources().addFirst(new MapPropertySource("server.ports", values));
        }
        Object stack = values.get("local.server.port");
        if (stack != null) {
            values.put("local.gateway-stack.port", stack);
        }
        values.put("local.server.port", bound);
    }

    @Override
    public void stop() {
        running = false;
        if (server != null) {
            server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        if (group != null) {
            // calls in flight get the quiet period to finish before the event loops stop; never wait for ever
            group.shutdownGracefully(200, 10_000, TimeUnit.MILLISECONDS).awaitUninterruptibly(15, TimeUnit.SECONDS);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the Spring stack's web server has started (and its graceful shutdown), stopped before both. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }
}
