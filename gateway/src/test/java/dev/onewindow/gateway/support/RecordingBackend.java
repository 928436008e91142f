package dev.onewindow.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in backend service: answers every request with 200 and a small JSON body (or waits first, for paths given a
 * delay), and records what it received, so tests can assert what the gateway forwarded — or that it forwarded
 * nothing. It can be stopped and started again on the same port.
 */
public final class RecordingBackend {

    /** One request as the backend saw it. */
    public record Received(String method, String path, String query, Headers headers, long bodyBytes) {

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private volatile int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, Map<String, List<String>>> responseHeaders = new ConcurrentHashMap<>();
    private final Map<String, String> versions = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "recording-backend");
        thread.setDaemon(true);
        return thread;
    });
    private volatile HttpServer server;

    static {
        // the JDK server otherwise waits for delayed ACKs (Nagle): ~40 ms per response on loopback
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private RecordingBackend() {
    }

    public static RecordingBackend start() {
        return startOn(0);
    }

    /** On a fixed port (0 = any free port). */
    public static RecordingBackend startOn(int port) {
        RecordingBackend backend = new RecordingBackend();
        backend.serve(port);
        return backend;
    }

    private void serve(int bindPort) {
        HttpServer fresh = bind(bindPort);
        fresh.createContext("/", this::handle);
        fresh.setExecutor(executor);
        fresh.start();
        port = fresh.getAddress().getPort();
        server = fresh;
    }

    private HttpServer bind(int bindPort) {
        try {
            return HttpServer.create(new InetSocketAddress("127.0.0.1", bindPort), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String uri() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized void restart() {
        if (server == null) {
            serve(port);
        }
    }

    /** Requests whose path starts with {@code pathPrefix} are answered only after {@code delay}. */
    public void delay(String pathPrefix, Duration delay) {
        delays.put(pathPrefix, delay);
    }

    /**
     * Answers to requests whose path starts with {@code pathPrefix} carry this header, one line per value (e.g.
     * {@code Cache-Control}); replaces what was set for that prefix and header before.
     */
    public void respondWith(String pathPrefix, String header, String... values) {
        responseHeaders.computeIfAbsent(pathPrefix, prefix -> new ConcurrentHashMap<>()).put(header, List.of(values));
    }

    /**
     * What the answer for this exact path says it is: {@code "version"} in its body and, in quotes, its strong
     * {@code ETag}; a request whose {@code If-None-Match} names it gets 304, as the services answer conditional reads.
     */
    public void version(String path, String version) {
        versions.put(path, version);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** What arrived for exactly this path (without query string). */
    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long bytes = 0;
        try (InputStream body = exchange.getRequestBody()) {
            byte[] chunk = new byte[16 * 1024];
            for (int n; (n = body.read(chunk)) > 0; ) {
                bytes += n;
            }
        } catch (IOException e) {
            bytes = -1; // the upload was aborted
        }
        String path = exchange.getRequestURI().getRawPath();
        received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(), bytes));
        for (Map.Entry<String, Duration> delay : delays.entrySet()) {
            if (path.startsWith(delay.getKey())) {
                try {
                    Thread.sleep(delay.getValue().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        String version = versions.get(path);
        String versionField = version != null ? ",\"version\":\"" + version + "\"" : "";
        byte[] response = ("{\"backend\":\"ok\",\"path\":\"" + path + "\",\"bytes\":" + bytes + versionField + "}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        for (Map.Entry<String, Map<String, List<String>>> configured : responseHeaders.entrySet()) {
            if (path.startsWith(configured.getKey())) {
                configured.getValue().forEach(exchange.getResponseHeaders()::put);
            }
        }
        try {
            if (version != null) {
                exchange.getResponseHeaders().set("ETag", "\"" + version + "\"");
                if (("\"" + version + "\"").equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    exchange.close();
                    return;
                }
            }
            exchange.sendResponseHeaders(200, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        } catch (IOException e) {
            // the gateway gave up waiting (timeout test): nothing to answer to
        }
    }
}
