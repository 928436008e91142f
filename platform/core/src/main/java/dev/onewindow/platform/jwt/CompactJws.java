package dev.onewindow.platform.jwt;

/**
 * The compact JWS form of a bearer token, checked strictly before the token reaches the JWT library. The gateway and
 * every service apply the same check, so a token the gateway refuses is refused by a service called directly too.
 */
public final class CompactJws {

    private CompactJws() {
    }

    /**
     * A JWS in compact form ({@code header.payload.signature}), each part in canonical base64url: no padding, and
     * the unused low bits of a part's last character zero. The JWT library decodes leniently, so a token whose last
     * character was changed within those bits still carries the same signature bytes and would verify; such a token
     * is not the one that was issued and is refused.
     */
    public static boolean isCanonical(String token) {
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
