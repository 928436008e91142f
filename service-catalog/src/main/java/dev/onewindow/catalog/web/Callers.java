package dev.onewindow.catalog.web;

import java.util.Optional;

import dev.onewindow.platform.domain.DomainException;
import dev.onewindow.platform.security.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** Helpers for public endpoints that answer more to a signed-in caller, and for optimistic concurrency headers. */
public final class Callers {

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

    /** An entity tag for an aggregate revision: {@code "7"}. */
    public static String etag(Long revision) {
        return "\"" + revision + "\"";
    }

    /** The revision an {@code If-Match} header names ({@code "7"}, {@code W/"7"} or {@code 7}); null when absent. */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("INVALID_IF_MATCH", "If-Match must carry the ETag of the entry, e.g. \"3\"");
        }
    }
}
