package dev.onewindow.platform.sample;

import java.util.Map;
import java.util.UUID;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.CacheableReads;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TokenMinter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's cacheable public reads ({@code onewindow.http-cache.public-reads} in the sample's application.yml):
 * public and revalidated with strong ETags for anonymous callers, private with a token, Spring Security's
 * {@code no-store} for everything else.
 */
@IntegrationTest
class PublicReadCachingIT {

    private static final String SECURITY_DEFAULT = "no-cache, no-store, max-age=0, must-revalidate";

    @LocalServerPort
    int port;

    private final String officer = TokenMinter.shared().user("officer1", "window-officer").dept("SCJGJ")
            .region("341300").mint();

    private ApiClient api() {
        return ApiClient.localPort(port);
    }

    @Test
    void anAnonymousAnswerIsPublicForItsMaxAgeAndRevalidatedWithItsStrongETag() {
        CacheableReads.assertPublic(api(), "/api/v1/public/ping", "public, max-age=60, stale-while-revalidate=30");
    }

    @Test
    void withATokenTheAnswerIsTheCallersOwn() {
        // no-cache: the caller's cache keeps it and asks with its ETag
        Response own = CacheableReads.assertPrivate(api(), "/api/v1/public/ping", officer, "private, no-cache");
        assertThat(own.header("ETag")).isNotNull();
        Response unchanged = api().get("/api/v1/public/ping").token(officer)
                .header("If-None-Match", own.header("ETag")).send();
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.header("Cache-Control")).isEqualTo("private, no-cache");

        // no-store (the default): kept nowhere, so Spring adds no ETag (this one is the controller's own, the revision)
        String id = registered();
        Response staff = CacheableReads.assertPrivate(api(), "/api/v1/public/parcels/" + id, officer,
                "private, no-store");
        assertThat(staff.header("ETag")).isEqualTo("\"0\"");
        assertThat(CacheableReads.assertPrivate(api(), "/api/v1/public/ping", officer, "private, no-cache")
                .header("ETag")).isNotNull();
    }

    @Test
    void aChangeChangesTheETag() {
        String id = registered();
        String path = "/api/v1/public/parcels/" + id;
        // the controller's own ETag (the revision): a 304 Spring MVC answers carries the Cache-Control too
        String before = CacheableReads.assertPublic(api(), path, "public, max-age=30");
        assertThat(before).isEqualTo("\"0\"");
        assertThat(api().post("/api/v1/parcels/" + id + "/ship").token(officer).send().status()).isEqualTo(200);

        Response after = api().get(path).header("If-None-Match", before).send();
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().get("status").asString()).isEqualTo("SHIPPED");
        assertThat(after.header("ETag")).isNotEqualTo(before);
    }

    @Test
    void errorsAndOtherPathsKeepSpringSecuritysNoStore() {
        Response missing = api().get("/api/v1/public/parcels/none-such").send();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Cache-Control")).isEqualTo(SECURITY_DEFAULT);
        assertThat(missing.header("ETag")).isNull();

        Response staffRead = api().get("/api/v1/parcels/" + registered()).token(officer).send();
        assertThat(staffRead.status()).isEqualTo(200);
        assertThat(staffRead.header("Cache-Control")).isEqualTo(SECURITY_DEFAULT);
        assertThat(staffRead.header("ETag")).isNull();
    }

    @Test
    void aMalformedIfNoneMatchIsRefused() {
        for (String malformed : new String[] {"abc", "\"abc", "W/abc", "\"a\" \"b\"", "*, \"a\""}) {
            Response refused = api().get("/api/v1/public/ping").header("If-None-Match", malformed).send();
            assertThat(refused.status()).as(malformed).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asString()).isEqualTo("INVALID_HEADER");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("If-None-Match");
        }
    }

    private String registered() {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().post("/api/v1/parcels").token(officer)
                .json(Map.of("id", id, "region", "341300", "label", "tea")).send().status()).isEqualTo(201);
        return id;
    }
}
