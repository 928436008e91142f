package dev.onewindow.gateway.cache;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a shared cache may store an answer, and for how long, from its {@code Cache-Control} lines (RFC 9111 5.2.2).
 * Strict on purpose: the answer is storable only when every directive is one this cache understands and none of
 * {@code private}, {@code no-store} or {@code no-cache} appears in any form (bare, with a field list, in any letter
 * case, on any of several header lines, in any combination), and it names its own lifetime ({@code s-maxage}, else
 * {@code max-age}, greater than 0). Anything malformed or unknown makes the answer not storable. Directive
 * names are compared case-insensitively; values may be tokens or quoted strings.
 *
 * <p>This is where Spring Cloud Gateway's {@code LocalResponseCache} (up to 5.0.4) goes wrong: it compares each whole
 * header value against {@code "private"} and {@code "no-store"}, so {@code private, no-store} or Spring Security's
 * {@code no-cache, no-store, max-age=0, must-revalidate} were stored.
 */
public final class CacheDirectives {

    /** Not storable by a shared cache. */
    public static final long NOT_STORABLE = -1;

    /** Understood and harmless to a cache that never serves a stale answer: accepted, otherwise ignored. */
    private static final Set<String> IGNORED = Set.of("public", "must-revalidate", "proxy-revalidate", "no-transform",
            "immutable", "stale-while-revalidate", "stale-if-error");

    private static final long MAX_SECONDS = 2_147_483_648L; // RFC 9111 1.2.2: larger values are this

    private CacheDirectives() {
    }

    /**
     * The lifetime in seconds a shared cache may keep the answer with these {@code Cache-Control} lines (none:
     * {@code null} or empty), or {@link #NOT_STORABLE}.
     */
    public static long sharedLifetime(List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return NOT_STORABLE; // no explicit permission: this cache uses no heuristics
        }
        Parsed parsed = new Parsed();
        for (String line : lines) {
            if (!parse(line, parsed)) {
                return NOT_STORABLE;
            }
        }
        long lifetime = parsed.sMaxAge >= 0 ? parsed.sMaxAge : parsed.maxAge;
        return parsed.refused || lifetime <= 0 ? NOT_STORABLE : lifetime;
    }

    /** Directives found so far. */
    private static final class Parsed {
        long maxAge = -1;
        long sMaxAge = -1;
        boolean refused;
    }

    /** Reads one header line; false when it is malformed or names a directive not understood. */
    private static boolean parse(String line, Parsed parsed) {
        int n = line.length();
        int i = 0;
        while (true) {
            i = skipSeparators(line, i);
            if (i >= n) {
                return true;
            }
            int nameStart = i;
            while (i < n && isTokenCharacter(line.charAt(i))) {
                i++;
            }
            if (i == nameStart) {
                return false;
            }
            String name = line.substring(nameStart, i).toLowerCase(Locale.ROOT);
            String value = null;
            if (i < n && line.charAt(i) == '=') {
                i++;
                if (i < n && line.charAt(i) == '"') {
                    StringBuilder quoted = new StringBuilder();
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char c = line.charAt(i++);
                        if (c == '\\' && i < n) {
                            quoted.append(line.charAt(i++));
                        } else if (c == '"') {
                            closed = true;
                            break;
                        } else {
                            quoted.append(c);
                        }
                    }
                    if (!closed) {
                        return false;
                    }
                    value = quoted.toString();
                } else {
                    int valueStart = i;
                    while (i < n && isTokenCharacter(line.charAt(i))) {
                        i++;
                    }
                    if (i == valueStart) {
                        return false;
                    }
                    value = line.substring(valueStart, i);
                }
            }
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i < n && line.charAt(i) != ',') {
                return false;
            }
            if (!apply(name, value, parsed)) {
                return false;
            }
        }
    }

    private static boolean apply(String name, String value, Parsed parsed) {
        switch (name) {
            case "private", "no-store", "no-cache" -> parsed.refused = true;
            case "max-age" -> {
                long seconds = seconds(value);
                if (seconds < 0 || (parsed.maxAge >= 0 && parsed.maxAge != seconds)) {
                    return false; // malformed, or two different lifetimes (RFC 9111 4.2.1: treat as invalid)
                }
                parsed.maxAge = seconds;
            }
            case "s-maxage" -> {
                long seconds = seconds(value);
                if (seconds < 0 || (parsed.sMaxAge >= 0 && parsed.sMaxAge != seconds)) {
                    return false;
                }
                parsed.sMaxAge = seconds;
            }
            default -> {
                return IGNORED.contains(name);
            }
        }
        return true;
    }

    /** A delta-seconds value, or -1 when absent or not a plain non-negative integer. */
    private static long seconds(String value) {
        if (value == null || value.isEmpty()) {
            return -1;
        }
        long seconds = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            seconds = Math.min(MAX_SECONDS, seconds * 10 + (c - '0'));
        }
        return seconds;
    }

    private static int skipSeparators(String line, int i) {
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == ',')) {
            i++;
        }
        return i;
    }

    /** RFC 9110 5.6.2 {@code tchar}. */
    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '!' || c == '#'
                || c == '$' || c == '%' || c == '&' || c == '\'' || c == '*' || c == '+' || c == '-' || c == '.'
                || c == '^' || c == '_' || c == '`' || c == '|' || c == '~';
    }
}
