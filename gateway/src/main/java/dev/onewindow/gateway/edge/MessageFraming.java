package dev.onewindow.gateway.edge;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.onewindow.gateway.problem.GatewayProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The RFC 9112 rules on a request's framing and target host that the HTTP decoder leaves to the application. Netty
 * (strict line parsing and RFC 9112 transfer-encoding handling, both on by default in Netty 4.2, plus header
 * validation) already refuses bare CR or LF line ends, control characters in header fields, repeated
 * {@code Content-Length}, {@code Transfer-Encoding} on HTTP/1.0, and {@code Content-Length} beside a
 * {@code Transfer-Encoding} that names {@code chunked}; Reactor Netty answers those 400 and closes. An obs-fold the
 * decoder joins to its field, so {@link FoldedLineGuard} looks for it in the bytes before. What still gets
 * through is checked here: a missing (HTTP/1.1), repeated or malformed {@code Host}, a {@code Transfer-Encoding}
 * without {@code chunked} as its one final coding (e.g. {@code xchunked}: the decoder then frames the body by
 * {@code Content-Length}, and a back end that reads it as chunked would see different requests than the gateway —
 * request smuggling), and {@code Content-Length} beside any {@code Transfer-Encoding}. Every refusal closes the
 * connection ({@code Connection: close}): once framing is in doubt, no byte after the head can be trusted as the
 * next request.
 */
final class MessageFraming {

    static final String HOST = "Host";

    private MessageFraming() {
    }

    /** The refusal for this request head, or {@code null} when its framing and host are sound. */
    static GatewayProblem check(HttpHeaders headers, boolean http11) {
        List<String> hosts = headers.get(HOST);
        if (hosts == null || hosts.isEmpty()) {
            if (http11) {
                return badRequest("the request has no Host header");
            }
        } else if (hosts.size() > 1) {
            return badRequest("the request has more than one Host header");
        } else if (!isValidHost(hosts.get(0))) {
            return badRequest("the Host header is not a valid host and port");
        }
        List<String> lengths = headers.get(HttpHeaders.CONTENT_LENGTH);
        if (lengths != null && lengths.size() > 1) {
            return badRequest("the request has more than one Content-Length");
        }
        List<String> codings = headers.get(HttpHeaders.TRANSFER_ENCODING);
        if (codings == null || codings.isEmpty()) {
            return null;
        }
        if (lengths != null && !lengths.isEmpty()) {
            return badRequest("the request has both Transfer-Encoding and Content-Length");
        }
        return checkTransferCodings(codings);
    }

    /**
     * {@code chunked} must be the final coding, and only once (RFC 9112 6.1, 6.3: otherwise the body's length cannot
     * be known: 400). The gateway decodes no other transfer coding (501, RFC 9112 6.1).
     */
    static GatewayProblem checkTransferCodings(List<String> lines) {
        String last = null;
        int chunked = 0;
        boolean other = false;
        for (String line : lines) {
            for (String element : line.split(",", -1)) {
                int parameters = element.indexOf(';');
                String coding = (parameters >= 0 ? element.substring(0, parameters) : element).trim()
                        .toLowerCase(Locale.ROOT);
                if (coding.isEmpty()) {
                    continue; // empty list elements are allowed (RFC 9110 5.6.1)
                }
                if (coding.equals("chunked")) {
                    chunked++;
                } else {
                    other = true;
                }
                last = coding;
            }
        }
        if (last == null || !last.equals("chunked") || chunked > 1) {
            return badRequest("the request's Transfer-Encoding does not end in exactly one chunked coding");
        }
        if (other) {
            return new GatewayProblem(HttpStatus.NOT_IMPLEMENTED, "TRANSFER_CODING_NOT_IMPLEMENTED",
                    "the gateway accepts request bodies in the chunked transfer coding only", Map.of(), closing());
        }
        return null;
    }

    /**
     * RFC 9110 7.2 / RFC 3986 3.2.2: {@code uri-host [ ":" port ]}, the host a registered name (letters, digits,
     * {@code -._~}, sub-delimiters, percent-escapes), an IPv4 address or a bracketed IPv6 literal; never empty (an
     * "http" URI has a non-empty host, RFC 9110 4.2.1).
     */
    static boolean isValidHost(String value) {
        int n = value.length();
        if (n == 0 || n > 261) {
            return false;
        }
        int i;
        if (value.charAt(0) == '[') {
            int close = value.indexOf(']');
            if (close < 2) {
                return false;
            }
            for (int j = 1; j < close; j++) {
                char c = value.charAt(j);
                if (!(isHexDigit(c) || c == ':' || c == '.')) {
                    return false;
                }
            }
            i = close + 1;
        } else {
            i = 0;
            while (i < n && value.charAt(i) != ':') {
                char c = value.charAt(i);
                if (c == '%') {
                    if (i + 2 >= n || !isHexDigit(value.charAt(i + 1)) || !isHexDigit(value.charAt(i + 2))) {
                        return false;
                    }
                    i += 3;
                    continue;
                }
                if (!isRegNameCharacter(c)) {
                    return false;
                }
                i++;
            }
            if (i == 0) {
                return false;
            }
        }
        if (i == n) {
            return true;
        }
        if (value.charAt(i) != ':' || n - i - 1 < 1 || n - i - 1 > 5) {
            return false;
        }
        int port = 0;
        for (int j = i + 1; j < n; j++) {
            char c = value.charAt(j);
            if (c < '0' || c > '9') {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65535;
    }

    private static boolean isRegNameCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~' || c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')'
                || c == '*' || c == '+' || c == ',' || c == ';' || c == '=';
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static GatewayProblem badRequest(String detail) {
        return new GatewayProblem(HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", detail, Map.of(), closing());
    }

    /** {@code Connection: close}: Reactor Netty then closes the connection once the answer is written. */
    static HttpHeaders closing() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONNECTION, "close");
        return headers;
    }
}
