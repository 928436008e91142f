package dev.onewindow.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A service that closes kept-alive connections under the next request: on every connection it answers the first
 * request (200, keep-alive) and closes the connection as soon as the head of the second one arrives, without
 * answering — what a service does when its keep-alive timeout strikes just as a pooled connection is reused. Records
 * the request line of every request head it read.
 */
public final class ClosingBackend {

    private final ServerSocket server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    private ClosingBackend() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "closing-backend");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static ClosingBackend start() {
        return new ClosingBackend();
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Request lines ("GET /path HTTP/1.1") of every request head read, answered or not. */
    public List<String> received() {
        return List.copyOf(received);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> serve(socket), "closing-backend-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String first = readHead(in);
            if (first == null) {
                return;
            }
            received.add(first.lines().findFirst().orElse(""));
            skipBody(in, first);
            byte[] body = "{\"backend\":\"closing\"}".getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String second = readHead(in);
            if (second != null) {
                received.add(second.lines().findFirst().orElse(""));
            }
            // closed here, unanswered
        } catch (IOException e) {
            // the gateway closed first: nothing to do
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            String text = head.toString(StandardCharsets.US_ASCII);
            if (text.endsWith("\r\n\r\n")) {
                return text;
            }
        }
    }

    private static void skipBody(InputStream in, String head) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(line.indexOf(':') + 1).trim()));
            }
        }
    }
}
