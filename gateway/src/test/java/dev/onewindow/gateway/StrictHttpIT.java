package dev.onewindow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.onewindow.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Strict HTTP/1.1 at the edge (RFC 9112), sent as raw bytes: each malformed request head gets exactly one answer,
 * 400 (501 for a transfer coding other than chunked), and the connection is closed — nothing the client sent after
 * the head is taken for a further request, and the service sees nothing. Each request below is followed on the same
 * connection by a well-formed one, which must never be answered.
 */
class StrictHttpIT extends GatewayIntegrationTest {

    /** A status line, wherever it starts: an answer's body ends without a line break. */
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ");
    private static final String NEXT = "GET /api/v1/catalog/entries/strict-next HTTP/1.1\r\nHost: gateway\r\n\r\n";

    /** Each case: name, raw request head and body ({@code \r}, {@code \n} spelt out), expected status, code. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no Host                            | GET /api/v1/catalog/entries/strict-1 HTTP/1.1\\r\\n\\r\\n                                     | 400 | REQUEST_REJECTED
            two Host lines                     | GET /api/v1/catalog/entries/strict-2 HTTP/1.1\\r\\nHost: a\\r\\nHost: b\\r\\n\\r\\n            | 400 | REQUEST_REJECTED
            two equal Host lines               | GET /api/v1/catalog/entries/strict-3 HTTP/1.1\\r\\nHost: a\\r\\nHost: a\\r\\n\\r\\n            | 400 | REQUEST_REJECTED
            empty Host                         | GET /api/v1/catalog/entries/strict-4 HTTP/1.1\\r\\nHost:\\r\\n\\r\\n                         | 400 | REQUEST_REJECTED
            Host with a space                  | GET /api/v1/catalog/entries/strict-5 HTTP/1.1\\r\\nHost: a b\\r\\n\\r\\n                     | 400 | REQUEST_REJECTED
            Host with a path                   | GET /api/v1/catalog/entries/strict-6 HTTP/1.1\\r\\nHost: a/b\\r\\n\\r\\n                     | 400 | REQUEST_REJECTED
            Host with a bad port               | GET /api/v1/catalog/entries/strict-7 HTTP/1.1\\r\\nHost: a:99999\\r\\n\\r\\n                 | 400 | REQUEST_REJECTED
            Host with userinfo                 | GET /api/v1/catalog/entries/strict-8 HTTP/1.1\\r\\nHost: u@a\\r\\n\\r\\n                     | 400 | REQUEST_REJECTED
            xchunked with Content-Length       | POST /api/v1/licenses/verify HTTP/1.1\\r\\nHost: gateway\\r\\nTransfer-Encoding: xchunked\\r\\nContent-Length: 4\\r\\n\\r\\nabcd | 400 | REQUEST_REJECTED
            final coding not chunked           | POST /api/v1/licenses/verify HTTP/1.1\\r\\nHost: gateway\\r\\nTransfer-Encoding: gzip\\r\\n\\r\\n                            | 400 | REQUEST_REJECTED
            chunked twice                      | POST /api/v1/licenses/verify HTTP/1.1\\r\\nHost: gateway\\r\\nTransfer-Encoding: chunked, chunked\\r\\n\\r\\n0\\r\\n\\r\\n  | 400 | REQUEST_REJECTED
            unknown coding before chunked      | POST /api/v1/licenses/verify HTTP/1.1\\r\\nHost: gateway\\r\\nTransfer-Encoding: x-zip, chunked\\r\\n\\r\\n0\\r\\n\\r\\n    | 501 | TRANSFER_CODING_NOT_IMPLEMENTED
            chunked with Content-Length        | POST /api/v1/licenses/verify HTTP/1.1\\r\\nHost: gateway\\r\\nTransfer-Encoding: chunked\\r\\nContent-Length: 5\\r\\n\\r\\n0\\r\\n\\r\\n | 400 |
            differing Content-Lengths          | POST /api/v1/licenses/verify HTTP/1.1\\r\\nHost: gateway\\r\\nContent-Length: 2\\r\\nContent-Length: 4\\r\\n\\r\\nabcd | 400 |
            a Content-Length list              | POST /api/v1/licenses/verify HTTP/1.1\\r\\nHost: gateway\\r\\nContent-Length: 2, 4\\r\\n\\r\\nabcd             | 400 |
            bare LF line ends                  | GET /api/v1/catalog/entries/strict-10 HTTP/1.1\\nHost: gateway\\n\\n                                | 400 |
            bare CR in a header                | GET /api/v1/catalog/entries/strict-11 HTTP/1.1\\r\\nHost: gateway\\r\\nX-Note: a\\rb\\r\\n\\r\\n        | 400 |
            control character in a header      | GET /api/v1/catalog/entries/strict-12 HTTP/1.1\\r\\nHost: gateway\\r\\nX-Note: a\\u0001b\\r\\n\\r\\n    | 400 |
            NUL in a header                    | GET /api/v1/catalog/entries/strict-13 HTTP/1.1\\r\\nHost: gateway\\r\\nX-Note: a\\u0000b\\r\\n\\r\\n    | 400 |
            space before the colon             | GET /api/v1/catalog/entries/strict-14 HTTP/1.1\\r\\nHost: gateway\\r\\nX-Note : a\\r\\n\\r\\n           | 400 |
            """)
    void aMalformedRequestGetsOneAnswerAndTheConnectionCloses(String name, String request, int status, String code)
            throws IOException {
        String answer = exchange(unescape(request) + NEXT);

        assertThat(statuses(answer)).as("answers to %s:%n%s", name, answer).containsExactly(status);
        if (code != null) {
            assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("\"code\":\"" + code + "\"").containsIgnoringCase("Connection: close");
        }
        String path = request.trim().split(" ", 3)[1];
        assertThat(BACKEND.received()).noneMatch(r -> r.path().equals("/api/v1/catalog/entries/strict-next")
                || r.path().equals(path) && !path.equals("/api/v1/licenses/verify"));
    }

    @Test
    void theSmuggledRequestBehindAnXchunkedBodyNeverReachesAService() throws IOException {
        String smuggled = "GET /api/v1/catalog/entries/strict-smuggled HTTP/1.1\r\nHost: gateway\r\n\r\n";
        String answer = exchange("POST /api/v1/licenses/verify HTTP/1.1\r\nHost: gateway\r\n"
                + "Transfer-Encoding: xchunked\r\nContent-Length: " + smuggled.length() + "\r\n\r\n" + smuggled);

        assertThat(statuses(answer)).containsExactly(400);
        assertThat(BACKEND.received("/api/v1/catalog/entries/strict-smuggled")).isEmpty();
    }

    /**
     * RFC 9112 5.2 lets a server refuse an obs-fold or unfold it; the gateway refuses it, wherever the folded head
     * stands on the connection: first, or after requests whose bodies (by length or chunked) hold line breaks followed
     * by white space — which are data, not folds — and when the folded line comes in a later packet than its head.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            first on the connection, space         | 0 | 0
            first on the connection, tab           | 0 | 1
            after a body by length                 | 1 | 0
            after a chunked body                   | 2 | 0
            after a chunked body, tab              | 2 | 1
            """)
    void aFoldedHeadIsRefusedAndTheConnectionCloses(String name, int before, int tab) throws IOException {
        String body = "{\r\n  \"note\": \"a\"\r\n\t}";
        String earlier = switch (before) {
            case 1 -> "POST /api/v1/licenses/verify HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json"
                    + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
            case 2 -> "POST /api/v1/licenses/verify HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json"
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + ";x=y\r\n"
                    + body + "\r\n3\r\n\r\n \r\n0\r\nX-Trailer: t\r\n\r\n";
            default -> "";
        };
        String folded = "GET /api/v1/catalog/entries/folded HTTP/1.1\r\nHost: gateway\r\nX-Note: a\r\n"
                + (tab == 1 ? "\t" : " ") + "b\r\n\r\n";

        String answer = exchange(earlier + folded + NEXT);

        List<Integer> expected = before == 0 ? List.of(400) : List.of(200, 400);
        assertThat(statuses(answer)).as(answer).containsExactlyElementsOf(expected);
        assertThat(answer).contains("\"code\":\"REQUEST_REJECTED\"").containsIgnoringCase("Connection: close");
        assertThat(BACKEND.received("/api/v1/catalog/entries/folded")).isEmpty();
        assertThat(BACKEND.received("/api/v1/catalog/entries/strict-next")).isEmpty();
    }

    @Test
    void aFoldedLineInALaterPacketThanItsHeadIsRefused() throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/v1/catalog/entries/folded-late HTTP/1.1\r\nHost: gateway\r\nX-Note: a\r"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(200);
            out.write(("\n b\r\n\r\n" + NEXT).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(statuses(answer)).as(answer).containsExactly(400);
        }
        assertThat(BACKEND.received("/api/v1/catalog/entries/folded-late")).isEmpty();
    }

    @Test
    void oversizeRequestHeadsAreRefusedAndTheConnectionCloses() throws IOException {
        assertThat(statuses(exchange("GET /api/v1/catalog/entries/strict-big HTTP/1.1\r\nHost: gateway\r\nX-Big: "
                + "a".repeat(9000) + "\r\n\r\n" + NEXT))).containsExactly(431);
        assertThat(statuses(exchange("GET /api/v1/catalog/entries/strict-" + "a".repeat(5000)
                + " HTTP/1.1\r\nHost: gateway\r\n\r\n" + NEXT))).containsExactly(414);
    }

    /** The control: well-formed requests pipelined on one connection are all answered, and it stays open. */
    @Test
    void wellFormedRequestsOnOneConnectionAreAllAnswered() throws IOException {
        String first = "GET /api/v1/catalog/entries/wellformed-1 HTTP/1.1\r\nHost: gateway:8080\r\n\r\n";
        String chunked = "POST /api/v1/licenses/verify HTTP/1.1\r\nHost: [::1]:8080\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Type: application/json\r\n\r\n5\r\n{\r\n }\r\n0\r\n\r\n";
        String last = "GET /api/v1/catalog/entries/wellformed-2 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write((first + chunked + last).getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();

            assertThat(List.of(readStatus(in), readStatus(in), readStatus(in))).containsExactly(200, 200, 200);
        }
    }

    /** Reads one answer (head and a body of declared length) and returns its status. */
    private static int readStatus(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head);
            }
            head.append((char) b);
        }
        Matcher length = Pattern.compile("(?im)^content-length: *(\\d+)").matcher(head);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
        return Integer.parseInt(head.substring(9, 12));
    }

    /** Sends the bytes, then reads until the gateway closes the connection (fails after 5 s if it does not). */
    private String exchange(String bytes) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static List<Integer> statuses(String answer) {
        List<Integer> statuses = new ArrayList<>();
        Matcher matcher = STATUS_LINE.matcher(answer);
        while (matcher.find()) {
            statuses.add(Integer.parseInt(matcher.group(1)));
        }
        return statuses;
    }

    private static String unescape(String request) {
        return request.trim().replace("\\r", "\r").replace("\\n", "\n").replace("\\u0001", "\u0001")
                .replace("\\u0000", "\u0000");
    }
}
