package dev.onewindow.gateway.edge;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code X-Request-Id} rules shared with the services: a short plain id from outside is kept, anything else is
 * replaced by a random UUID.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** Exchange attribute holding the request id. */
    public static final String ATTRIBUTE = RequestIds.class.getName();

    private RequestIds() {
    }

    /** {@code [A-Za-z0-9._:-]{1,64}}, checked without a regex: this runs on every request. */
    public static boolean isSafe(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * A random (version 4) UUID. Request ids need uniqueness, not secrecy, so this avoids the lock inside
     * {@code SecureRandom} that {@link UUID#randomUUID()} takes on every call.
     */
    public static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
