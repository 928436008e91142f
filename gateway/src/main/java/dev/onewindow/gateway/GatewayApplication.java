package dev.onewindow.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GatewayApplication {

    private static final String LOG_FACTORY = "org.apache.commons.logging.LogFactory";
    public static final String IO_WORKER_COUNT = "reactor.netty.ioWorkerCount";

    public static void main(String[] args) {
        // commons-logging 1.3 picks its SLF4J adapter, whose debug(Object) turns the message into a String before
        // the level check: every unguarded logger.debug(LogMessage.format(..)) in Spring's request path then
        // runs String.format on each request. The Log4j API adapter (routed to SLF4J/Logback as well) checks first.
        if (System.getProperty(LOG_FACTORY) == null) {
            System.setProperty(LOG_FACTORY, "org.apache.commons.logging.impl.Log4jApiLogFactory");
        }
        if (System.getProperty(IO_WORKER_COUNT) == null) {
            int processors = Runtime.getRuntime().availableProcessors();
            System.setProperty(IO_WORKER_COUNT, Integer.toString(ioWorkerCount(processors)));
        }
        SpringApplication.run(GatewayApplication.class, args);
    }

    /**
     * Event loops (Reactor Netty's default is max(4, CPUs)): half the CPUs, at least one. A proxied call is all
     * event-loop work on two sockets; with more loops than the CPUs left by the backends and the load balancer beside
     * it, a call hops between loop threads (queue hand-offs, wake-ups) and the loops contend for the same client's
     * bucket and breaker. Measured on 2 shared cores (gateway, backend and load generator): 1 loop 165 us of gateway
     * CPU per call, 2 or 4 loops 243-265 us, at higher throughput with 1. Set {@code -Dreactor.netty.ioWorkerCount}
     * (or {@code JAVA_TOOL_OPTIONS}) to the CPUs the gateway has to itself, e.g. its Kubernetes CPU limit.
     */
    public static int ioWorkerCount(int processors) {
        return Math.max(1, processors / 2);
    }
}
