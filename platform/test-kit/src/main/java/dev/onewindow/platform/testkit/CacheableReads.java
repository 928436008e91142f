package dev.onewindow.platform.testkit;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a cacheable public read owes its callers ({@code onewindow.http-cache.public-reads}), asserted over HTTP:
 * an anonymous answer any cache may keep for the service's {@code max-age}, with a strong {@code ETag} that
 * {@code If-None-Match} turns into a 304 without a body; an answer to a request with a token that is never public.
 *
 * <pre>{@code
 * String etag = CacheableReads.assertPublic(api, "/api/v1/catalog/calendar/years/2026", "public, max-age=21600");
 * CacheableReads.assertPrivate(api, "/api/v1/catalog/calendar/years/2026", officer, "private, no-cache");
 * }</pre>
 */
public final class CacheableReads {

    private CacheableReads() {
    }

    /**
     * An anonymous GET of {@code path} is a 200 with exactly {@code cacheControl}, {@code Vary: Authorization} and
     * a strong ETag, and {@code If-None-Match} naming it — alone, in a list, weakly, or {@code *} — is a 304
     * without a body that repeats the ETag and the {@code Cache-Control}; an ETag it does not name is a 200 again.
     *
     * @return the ETag
     */
    public static String assertPublic(ApiClient api, String path, String cacheControl) {
        return assertPublicMatching(api, path, Pattern.quote(cacheControl));
    }

    /**
     * As {@link #assertPublic}, for an answer whose {@code Cache-Control} is only known by its form, such as a
     * {@code max-age} lowered to the time the answer has left ({@code public, max-age=\d+}).
     */
    public static String assertPublicMatching(ApiClient api, String path, String cacheControlRegex) {
        ApiClient.Response fresh = api.get(path).send();
        assertThat(fresh.status()).as("anonymous GET " + path + ": " + fresh).isEqualTo(200);
        assertThat(fresh.header("Cache-Control")).as("Cache-Control of GET " + path).matches(cacheControlRegex);
        assertThat(fresh.headerValues("Vary")).as("Vary of GET " + path).contains("Authorization");
        assertThat(fresh.header("Pragma")).as("Pragma of GET " + path).isNull();
        String etag = fresh.header("ETag");
        assertThat(etag).as("a strong ETag on GET " + path).isNotNull().matches("\"[\\x21\\x23-\\x7E]*\"");
        for (String ifNoneMatch : List.of(etag, "\"other\", " + etag, "W/" + etag, "*")) {
            ApiClient.Response unchanged = api.get(path).header("If-None-Match", ifNoneMatch).send();
            assertThat(unchanged.status()).as("GET " + path + " with If-None-Match: " + ifNoneMatch).isEqualTo(304);
            assertThat(unchanged.rawBody()).as("the body of a 304").isEmpty();
            assertThat(unchanged.header("ETag")).as("the ETag of a 304").isEqualTo(etag);
            assertThat(unchanged.header("Cache-Control")).as("the Cache-Control of a 304").matches(cacheControlRegex);
        }
        ApiClient.Response other = api.get(path).header("If-None-Match", "\"not-" + etag.substring(1)).send();
        assertThat(other.status()).as("GET " + path + " with an ETag it does not have").isEqualTo(200);
        assertThat(other.rawBody()).isEqualTo(fresh.rawBody());
        return etag;
    }

    /**
     * A GET of {@code path} with {@code token} is a 200 with exactly {@code cacheControl} (a {@code private} one:
     * never kept by a shared cache) and {@code Vary: Authorization}.
     *
     * @return the answer
     */
    public static ApiClient.Response assertPrivate(ApiClient api, String path, String token, String cacheControl) {
        assertThat(cacheControl).startsWith("private");
        ApiClient.Response answer = api.get(path).token(token).send();
        assertThat(answer.status()).as("GET " + path + " with a token: " + answer).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).as("Cache-Control of GET " + path + " with a token")
                .isEqualTo(cacheControl).doesNotContain("public");
        assertThat(answer.headerValues("Vary")).as("Vary of GET " + path + " with a token").contains("Authorization");
        return answer;
    }

    /** The anonymous answer's ETag now (to see it change after a change of what it shows). */
    public static String etag(ApiClient api, String path) {
        ApiClient.Response answer = api.get(path).send();
        assertThat(answer.status()).as("anonymous GET " + path + ": " + answer).isEqualTo(200);
        return answer.header("ETag");
    }
}
