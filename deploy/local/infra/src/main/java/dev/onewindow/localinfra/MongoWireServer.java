package dev.onewindow.localinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The local stack's MongoDB: mongo-java-server (real wire protocol) on its H2 MVStore backend, so data survives
 * restarts. Local development only — see docs/architecture.md for what it does not support (transactions, sessions).
 *
 * <pre>
 * java -cp &lt;classpath&gt; dev.onewindow.localinfra.MongoWireServer [--host 127.0.0.1] [--port 27018]
 *      [--file deploy/local/.run/mongo/onewindow.mv]
 * </pre>
 *
 * Stop it with SIGTERM (not SIGKILL): the shutdown hook stops listening, then closes the backend, which commits
 * and closes the MVStore file cleanly. The MVStore also auto-commits in the background (about every second), so a
 * hard kill loses at most the last moments of writes (measured: writes older than ~2 s survive kill -9).
 */
public final class MongoWireServer {

    private MongoWireServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String host = "127.0.0.1";
        int port = 27018;
        String file = "deploy/local/.run/mongo/onewindow.mv";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--host" -> host = require(args[i], value);
                case "--port" -> port = Integer.parseInt(require(args[i], value));
                case "--file" -> file = require(args[i], value);
                default -> {
                    System.err.println("usage: MongoWireServer [--host 127.0.0.1] [--port 27018] [--file path.mv]");
                    System.exit(2);
                }
            }
            i++;
        }

        Path path = Path.of(file).toAbsolutePath();
        Files.createDirectories(path.getParent());
        H2Backend backend = new H2Backend(path.toString());
        MongoServer server = new MongoServer(backend);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("MongoWireServer: shutting down");
            try {
                server.shutdown(); // stops listening, closes cursors, then closes the backend
            } finally {
                if (!backend.getMvStore().isClosed()) {
                    backend.close(); // commits and closes the MVStore file
                }
                System.err.println("MongoWireServer: stopped, store closed: " + path);
                stopped.countDown();
            }
        }, "mongo-wire-shutdown"));

        server.bind(host, port);
        System.err.println("MongoWireServer: listening on " + host + ":" + port + ", data file " + path);
        stopped.await();
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
