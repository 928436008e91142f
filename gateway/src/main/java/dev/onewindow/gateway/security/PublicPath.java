package dev.onewindow.gateway.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpMethod;

/**
 * One entry of the public allow-list: {@code "GET /api/v1/catalog/**"}, {@code "GET,POST /api/v1/licenses/verify/**"}
 * or just {@code "/path/**"} (any method).
 */
record PublicPath(List<HttpMethod> methods, String pattern) {

    static PublicPath parse(String entry) {
        String[] parts = entry.trim().split("\\s+", 2);
        if (parts.length == 1) {
            return new PublicPath(List.of(), parts[0]);
        }
        List<HttpMethod> methods = new ArrayList<>();
        for (String method : parts[0].split(",")) {
            if (!method.isBlank()) {
                methods.add(HttpMethod.valueOf(method.trim().toUpperCase(Locale.ROOT)));
            }
        }
        if (!parts[1].startsWith("/")) {
            throw new IllegalStateException("public path must start with '/': " + entry);
        }
        return new PublicPath(List.copyOf(methods), parts[1].trim());
    }
}
