package dev.onewindow.platform.web.caching;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which public reads caches may keep, and for how long ({@code onewindow.http-cache.*}). Each service lists its own
 * in {@code application.yml}, next to {@code onewindow.security.public-paths}, with the reason for each lifetime.
 *
 * @param publicReads the cacheable GET operations; the first rule whose path matches a request applies
 */
@ConfigurationProperties("onewindow.http-cache")
public record HttpCacheProperties(List<PublicRead> publicReads) {

    public HttpCacheProperties {
        publicReads = publicReads == null ? List.of() : List.copyOf(publicReads);
    }

    /**
     * One cacheable public read.
     *
     * @param path                 a path pattern as in {@code public-paths} ({@code /api/v1/catalog/calendar/**},
     *                             {@code /api/v1/catalog/departments/{code:[A-Z][A-Z0-9]*}})
     * @param maxAge               how long any cache may serve an anonymous answer without asking again
     *                             ({@code max-age}): the longest a change takes to be seen through a cache
     * @param staleWhileRevalidate optional: how much longer a cache may serve it while it fetches a fresh one
     *                             (RFC 5861); a change may then take {@code maxAge + staleWhileRevalidate}
     * @param withCredentials      the answer to the same read with a token, which only that caller's own cache
     *                             may keep: {@code no-cache} (kept, but checked with the service before each use)
     *                             or {@code no-store} (default; kept nowhere) where a signed-in caller may see more
     *                             than the public, such as drafts or the names of staff
     */
    public record PublicRead(String path, Duration maxAge, Duration staleWhileRevalidate,
            CredentialedAnswer withCredentials) {

        public PublicRead {
            if (path == null || !path.startsWith("/")) {
                throw new IllegalStateException("onewindow.http-cache.public-reads[].path must be a path pattern "
                        + "starting with '/': " + path);
            }
            if (maxAge == null || maxAge.isNegative()) {
                throw new IllegalStateException("onewindow.http-cache.public-reads[].max-age must be set for " + path);
            }
            if (staleWhileRevalidate != null && staleWhileRevalidate.isNegative()) {
                throw new IllegalStateException(
                        "onewindow.http-cache.public-reads[].stale-while-revalidate must not be negative for " + path);
            }
            withCredentials = withCredentials == null ? CredentialedAnswer.NO_STORE : withCredentials;
        }
    }

    /** How the answer to a request that carried credentials may be kept. */
    public enum CredentialedAnswer {
        /** {@code private, no-cache}: the caller's own cache may keep it and revalidate it with its ETag. */
        NO_CACHE("private, no-cache"),
        /** {@code private, no-store}: kept nowhere (the answer may show what only staff may see). */
        NO_STORE("private, no-store");

        private final String cacheControl;

        CredentialedAnswer(String cacheControl) {
            this.cacheControl = cacheControl;
        }

        public String cacheControl() {
            return cacheControl;
        }
    }
}
