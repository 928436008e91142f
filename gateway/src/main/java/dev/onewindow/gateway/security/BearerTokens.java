package dev.onewindow.gateway.security;

/**
 * Reads the bearer token from the {@code Authorization} header (RFC 6750 {@code b64token} syntax), like Spring
 * Security's converter but without a regular expression over a kilobyte-long token on every request, and stricter:
 * any {@code Authorization} header that is not a well-formed bearer token (e.g. {@code Basic ...}) is refused with 401
 * instead of the request being treated as anonymous. Tokens in query parameters are never read.
 */
public final class BearerTokens {

    private static final String SCHEME = "Bearer ";

    private BearerTokens() {
    }

    /** The token of a well-formed {@code Bearer} header, else {@code null}. */
    static String token(String header) {
        String token = unchecked(header);
        return token != null && wellFormed(token) ? token : null;
    }

    /**
     * What follows {@code "Bearer "}, not yet checked character by character: a string that is a key of the verified
     * token cache was checked when it was first seen, so the check of a kilobyte is needed on a cache miss only.
     */
    public static String unchecked(String header) {
        if (header.length() <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        return header.substring(SCHEME.length());
    }

    /** RFC 6750 {@code b64token}: {@code [A-Za-z0-9-._~+/]+=*}. */
    static boolean wellFormed(String token) {
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = token.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * A JWS in compact form ({@code header.payload.signature}), each part in canonical base64url: no padding, and
     * the unused low bits of a part's last character zero. The JWT library decodes leniently, so a token whose last
     * character was changed within those bits still carries the same signature bytes and would verify; such a token
     * is not the one that was issued and is refused.
     */
    static boolean canonicalJws(String token) {
        int parts = 0;
        int start = 0;
        for (int i = 0; i <= token.length(); i++) {
            if (i == token.length() || token.charAt(i) == '.') {
                if (!canonicalBase64Url(token, start, i)) {
                    return false;
                }
                parts++;
                start = i + 1;
            }
        }
        return parts == 3;
    }

    private static boolean canonicalBase64Url(String value, int from, int to) {
        int length = to - from;
        if (length == 0 || length % 4 == 1) {
            return false;
        }
        int last = 0;
        for (int i = from; i < to; i++) {
            last = base64UrlValue(value.charAt(i));
            if (last < 0) {
                return false;
            }
        }
        return switch (length % 4) {
            case 2 -> (last & 0x0F) == 0; // 2 characters carry 1 byte: 4 bits unused
            case 3 -> (last & 0x03) == 0; // 3 characters carry 2 bytes: 2 bits unused
            default -> true;
        };
    }

    private static int base64UrlValue(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }
}
