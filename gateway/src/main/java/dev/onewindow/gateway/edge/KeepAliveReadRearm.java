package dev.onewindow.gateway.edge;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.http.server.HttpServer;

/**
 * Works around a Reactor Netty 1.3.6 bug (reactor/reactor-netty#4361, fixed in 1.3.8): when a keep-alive request
 * arrives while the previous exchange is still finishing — common on a gateway, whose answers complete on the
 * backend connection's thread — and that request is then answered at once (401, 429, an open breaker's 503, a
 * preflight, a health probe), the connection stops reading, and the client's next request waits in the socket until
 * the client times out. Here after every flush of a response (its last part included) one more read is requested
 * on the next turn of the connection's event loop, so reading always resumes. Harmless when reading was already
 * armed. Keyed to flushes rather than to the response's last part so that it needs no HTTP codec types: the
 * gateway's HTTP is served by Spring Cloud Gateway on Reactor Netty alone.
 * Remove once Reactor Netty 1.3.8 or later is used (it needs Netty 4.2.19, not yet on the Maven mirror here).
 */
@Component
@ConditionalOnProperty(name = "onewindow.gateway.keep-alive-read-rearm", matchIfMissing = true)
public class KeepAliveReadRearm implements NettyServerCustomizer {

    static final String HANDLER = "onewindow.keepAliveReadRearm";

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnConnection(connection -> connection.addHandlerLast(HANDLER, new Rearm()));
    }

    @ChannelHandler.Sharable
    static final class Rearm extends ChannelOutboundHandlerAdapter {

        @Override
        public void flush(ChannelHandlerContext ctx) throws Exception {
            super.flush(ctx);
            Channel channel = ctx.channel();
            if (channel.isActive()) {
                channel.eventLoop().execute(channel::read);
            }
        }
    }
}
