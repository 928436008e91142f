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
}
