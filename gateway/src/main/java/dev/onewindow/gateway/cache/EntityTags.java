package dev.onewindow.gateway.cache;

import java.util.List;

/**
 * {@code If-None-Match} against a stored {@code ETag} (RFC 9110 13.1.2): {@code *} matches, otherwise any listed
 * entity tag whose opaque part equals the stored one (weak comparison, as this header requires). A malformed list
 * matches nothing, so the client gets the full answer.
 */
final class EntityTags {

    private EntityTags() {
    }

    static boolean anyMatches(List<String> ifNoneMatch, String etag) {
        String wanted = opaque(etag);
        if (wanted == null) {
            return false;
        }
        for (String line : ifNoneMatch) {
            int n = line.length();
            int i = 0;
            while (i < n) {
                char c = line.charAt(i);
                if (c == ' ' || c == '\t' || c == ',') {
                    i++;
                    continue;
                }
                if (c == '*') {
                    return true;
                }
                if (line.startsWith("W/", i)) {
                    i += 2;
                }
                if (i >= n || line.charAt(i) != '"') {
                    return false;
                }
                int close = line.indexOf('"', i + 1);
                if (close < 0) {
                    return false;
                }
                if (line.regionMatches(i, wanted, 0, wanted.length()) && close + 1 - i == wanted.length()) {
                    return true;
                }
                i = close + 1;
            }
        }
        return false;
    }

    /** The quoted part of an entity tag ({@code "abc"} of {@code W/"abc"}), or {@code null} when malformed. */
    static String opaque(String etag) {
        String tag = etag.startsWith("W/") ? etag.substring(2) : etag;
        return tag.length() >= 2 && tag.charAt(0) == '"' && tag.indexOf('"', 1) == tag.length() - 1 ? tag : null;
    }
}
