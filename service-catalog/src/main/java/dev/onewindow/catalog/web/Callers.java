package dev.onewindow.catalog.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** Helpers for public endpoints that answer more to a signed-in caller, and for optimistic concurrency headers. */
public final class Callers {

    /** An entity tag as answered ({@code "7"}), weak ({@code W/"7"}) or bare ({@code 7}): ASCII digits only. */
    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?(?:\"([0-9]{1,19})\"|([0-9]{1,19}))");

    private Callers() {
    }

    /** The caller if the request carried a valid token (public paths answer anonymous requests too). */
    public static Optional<Caller> optional() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return Optional.of(Caller.from(jwt));
        }
        return Optional.empty();
    }

    /**
     * The name a change records for the caller, and by which the catalog tells an author from a reviewer: the
     * token's user name, else its subject (a token always has one).
     */
    public static String name(Caller caller) {
        return caller.username() != null ? caller.username() : caller.subject();
    }

    /** An entity tag for an aggregate revision: {@code "7"}. */
    public static String etag(Long revision) {
        return "\"" + revision + "\"";
    }

    /**
     * The revision an {@code If-Match} header names ({@code "7"}, {@code W/"7"} or {@code 7}); null when absent,
     * blank or {@code *}. Anything else — a sign, a non-ASCII digit, more than 19 digits, a list of tags — is 400
     * {@code INVALID_IF_MATCH}, never read as some other revision.
     */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        Matcher tag = ENTITY_TAG.matcher(header.trim());
        if (tag.matches()) {
            try {
                return Long.parseLong(tag.group(1) != null ? tag.group(1) : tag.group(2));
            } catch (NumberFormatException beyondLong) {
                // 19 digits above Long.MAX_VALUE: no revision reaches it
            }
        }
        throw DomainException.invalid("INVALID_IF_MATCH", "If-Match must carry the ETag of the entry, e.g. \"3\"");
    }
}
