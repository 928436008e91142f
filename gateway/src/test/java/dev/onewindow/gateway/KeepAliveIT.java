package dev.onewindow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.onewindow.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * One keep-alive connection keeps working when a routed request (answered later, from the backend connection's
 * thread) is immediately followed by one the gateway answers at once (401). Without
 * {@code edge.KeepAliveReadRearm} Reactor Netty 1.3.6 stops reading such a connection within a few rounds
 * (reactor/reactor-netty#4361) and the third request below times out.
 */
class KeepAliveIT extends GatewayIntegrationTest {

    @Test
    void aConnectionKeepsReadingAfterARoutedAnswerIsFollowedByAnImmediateOne() throws IOException {
        String token = officerToken();
        for (int round = 0; round < 30; round++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(3000);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                // two requests in one write: the second is read while the first is still being answered
                out.write((request("/api/v1/cases/keep-alive-routed", token)
                        + request("/api/v1/cases/keep-alive-refused", null)).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                List<Integer> statuses = new ArrayList<>();
                statuses.add(readStatus(in));
                statuses.add(readStatus(in));

                out.write(request("/api/v1/cases/keep-alive-third", null).getBytes(StandardCharsets.US_ASCII));
                out.flush();

                assertThat(statuses).as("round %d", round).containsExactly(200, 401);
                assertThat(readStatus(in)).as("round %d: third request on the same connection", round)
                        .isEqualTo(401);
            }
        }
    }

    private static String request(String path, String token) {
        return "GET " + path + " HTTP/1.1\r\nHost: gateway\r\n"
                + (token != null ? "Authorization: Bearer " + token + "\r\n" : "") + "\r\n";
    }

    /** Reads one response (status line, headers, Content-Length body) and returns its status. */
    private static int readStatus(InputStream in) throws IOException {
        String head = readHead(in);
        int status = Integer.parseInt(head.split(" ", 3)[1]);
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        assertThat(in.readNBytes(length)).hasSize(length);
        return status;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            head.write(b);
            matched = (b == '\r' || b == '\n') && (matched % 2 == 0) == (b == '\r') ? matched + 1
                    : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
