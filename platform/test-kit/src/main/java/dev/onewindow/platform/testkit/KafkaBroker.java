package dev.onewindow.platform.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker in KRaft combined mode (broker + controller in one node), running inside the test JVM.
 *
 * <p>Unlike a mock it speaks the real protocol, so producers' idempotence, acks and ordering are the real thing.
 * It can be {@link #stop() stopped} and {@link #start() started} again on the same ports and log directory, which
 * is how tests prove that nothing is lost during a broker outage. One instance is shared per JVM ({@link #shared()}).
 */
public final class KafkaBroker {

    private static KafkaBroker shared;

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final Path configFile;
    private KafkaRaftServer server;

    private KafkaBroker() {
        try {
            this.logDir = Files.createTempDirectory("onewindow-kafka");
            this.port = freePort();
            this.controllerPort = freePort();
            this.configFile = logDir.resolveSibling(logDir.getFileName() + ".properties");
            try (Writer out = Files.newBufferedWriter(configFile)) {
                config().store(out, "OneWindow test broker");
            }
            format();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The broker shared by every test of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            shared = new KafkaBroker();
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "kafka-broker-shutdown"));
        }
        return shared;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        KafkaRaftServer node = new KafkaRaftServer(KafkaConfig.fromProps(config(), false), Time.SYSTEM);
        node.startup();
        server = node;
    }

    /** Stops the broker completely; clients see a real outage until {@link #start()} is called again. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    private Properties config() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // a test broker must come back fast after a restart
        p.put("controlled.shutdown.enable", "false");
        p.put("log.flush.interval.messages", "100000");
        return p;
    }

    private void format() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                configFile.toString(), "--ignore-formatted"}, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("formatting the KRaft log directory failed: " + output);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
