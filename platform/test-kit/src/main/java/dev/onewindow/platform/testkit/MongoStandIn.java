package dev.onewindow.platform.testkit;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.onewindow.platform.testkit.mongo.IndexedMemoryBackend;

/**
 * A MongoDB wire-protocol server (mongo-java-server, memory backend) inside the test JVM: the real driver talks to
 * it over a socket, so queries, indexes and atomic updates are exercised for real. Its backend uses indexes as
 * MongoDB would ({@link IndexedMemoryBackend}). It has no transactions and no
 * sessions — neither does OneWindow's design depend on them. One instance is shared per JVM.
 */
public final class MongoStandIn {

    private static MongoStandIn shared;

    private final MongoServer server;
    private final InetSocketAddress address;

    private MongoStandIn() {
        // -Donewindow.mongo-stand-in=plain gives mongo-java-server's own memory backend (scans unless a filter is
        // exactly a unique index's fields), e.g. to compare a benchmark with it
        boolean plain = "plain".equals(System.getProperty("onewindow.mongo-stand-in"));
        this.server = new MongoServer(plain ? new MemoryBackend() : new IndexedMemoryBackend());
        server.bind("127.0.0.1", KafkaBroker.freePort());
        this.address = server.getLocalAddress();
    }

    public static synchronized MongoStandIn shared() {
        if (shared == null) {
            shared = new MongoStandIn();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.server::shutdownNow, "mongo-stand-in-shutdown"));
        }
        return shared;
    }

    /** Connection string for one database on this server. */
    public String uri(String database) {
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }
}
