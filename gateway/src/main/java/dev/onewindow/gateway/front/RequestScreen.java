package dev.onewindow.gateway.front;

import dev.onewindow.gateway.security.HeaderCharacters;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValidationUtil;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * The strict firewall's rules, as a yes/no for the front's direct path: a request line and headers this accepts are
 * ones Spring Security's {@code StrictServerWebExchangeFirewall} accepts too (normalised path of plain characters, no
 * encoded or raw {@code / . \ ; %} tricks, no control characters in the query or in any header). It is narrower than
 * the firewall, never wider: anything it does not accept goes through the gateway's full Spring stack, where the
 * firewall itself decides (and refuses with 400 {@code REQUEST_REJECTED}).
 */
final class RequestScreen {

    private RequestScreen() {
    }

    /** The length of the path part of {@code uri}, or -1 when the request line is not plainly acceptable. */
    static int plainPathLength(String uri) {
        int n = uri.length();
        if (n == 0 || uri.charAt(0) != '/') {
            return -1; // absolute form, asterisk form
        }
        int i = 0;
        char previous = 0;
        int segmentStart = 1;
        for (; i < n; i++) {
            char c = uri.charAt(i);
            if (c == '?') {
                break;
            }
            if (c == '/') {
                if (previous == '/' || isDotSegment(uri, segmentStart, i)) {
                    return -1;
                }
                segmentStart = i + 1;
            } else if (!isPlainPathCharacter(c)) {
                return -1;
            }
            previous = c;
        }
        if (isDotSegment(uri, segmentStart, i)) {
            return -1;
        }
        return plainQuery(uri, i + 1) ? i : -1;
    }

    /** Letters, digits and the RFC 3986 sub-delimiters allowed in a path segment, without {@code ; % \}. */
    private static boolean isPlainPathCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~' || c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')'
                || c == '*' || c == '+' || c == ',' || c == '=' || c == ':' || c == '@';
    }

    private static boolean isDotSegment(String uri, int from, int to) {
        int length = to - from;
        return (length == 1 && uri.charAt(from) == '.') || (length == 2 && uri.charAt(from) == '.'
                && uri.charAt(from + 1) == '.');
    }

    /** Printable ASCII, with every {@code %XX} escape well formed and not a control character. */
    private static boolean plainQuery(String uri, int from) {
        int n = uri.length();
        for (int i = from; i < n; i++) {
            char c = uri.charAt(i);
            if (c <= 0x20 || c >= 0x7F || c == '#') {
                return false;
            }
            if (c == '%') {
                if (i + 2 >= n) {
                    return false;
                }
                int high = Character.digit(uri.charAt(i + 1), 16);
                int low = Character.digit(uri.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                int decoded = high * 16 + low;
                if (decoded < 0x20 || decoded == 0x7F) {
                    return false;
                }
                i += 2;
            }
        }
        return true;
    }

    /**
     * Every header name an RFC 9110 token, every value free of control and unassigned characters (tab allowed). The
     * front's decoder leaves header validation to this check (and, for everything else, to the Spring stack's own
     * decoder and firewall), so that each header is checked once. The
     * {@code Authorization} value is left out: the direct path takes only a token found in the verified-token cache,
     * and a token got there through the firewall and the bearer-token syntax check, so its header is plain ASCII
     * (checking a kilobyte of it again on every call is the largest share of this check).
     */
    static boolean plainHeaders(HttpHeaders headers) {
        var entries = headers.iteratorCharSequence();
        while (entries.hasNext()) {
            var entry = entries.next();
            CharSequence name = entry.getKey();
            if (HttpHeaderValidationUtil.validateToken(name) >= 0) {
                return false; // not an RFC 9110 token
            }
            if (!HttpHeaderNames.AUTHORIZATION.contentEqualsIgnoreCase(name)
                    && !HeaderCharacters.assignedAndNotControl(entry.getValue().toString(), true)) {
                return false;
            }
        }
        return true;
    }
}
