package dev.onewindow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import dev.onewindow.gateway.support.GatewayIntegrationTest;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cache of anonymous public reads: a second read is answered by the gateway (with the same edge headers as any
 * answer), a matching {@code If-None-Match} gets 304 from it, a request with credentials is never answered from it nor
 * stored, an answer a shared cache must not keep is never stored, and a change is visible once the max-age the
 * service advertised has passed. Paths are public GETs of service-catalog ({@code /entries/{code}},
 * {@code /bundles/{code}}, {@code /calendar/years/{year}}); each test uses its own, and its own client address (the
 * anonymous rate limit is per address).
 */
class ResponseCacheIT extends GatewayIntegrationTest {

    private static final AtomicInteger CLIENTS = new AtomicInteger(1);

    @Test
    void aSecondPublicReadIsServedByTheGatewayWithTheEdgeHeaders() {
        String path = "/api/v1/catalog/entries/cache-hit";
        BACKEND.respondWith(path, "Cache-Control", "public, max-age=60");
        BACKEND.version(path, "v1");
        String client = client();

        Response first = anonymous(path, client).header("X-Request-Id", "cache-first").send();
        Response second = anonymous(path, client).header("X-Request-Id", "cache-second").send();

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-Cache")).isNull();
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("X-Cache")).isEqualTo("HIT");
        assertThat(Long.parseLong(second.header("Age"))).isBetween(0L, 60L);
        assertThat(second.rawBody()).isEqualTo(first.rawBody());
        assertThat(second.header("ETag")).isEqualTo("\"v1\"");
        assertThat(second.header("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(BACKEND.received(path)).hasSize(1);
        // the gateway's own headers on the hit, as on any answer
        assertThat(second.header("X-Request-Id")).isEqualTo("cache-second");
        assertThat(second.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(second.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(second.header("X-RateLimit-Limit")).isEqualTo("30");
        assertThat(Integer.parseInt(second.header("X-RateLimit-Remaining")))
                .isLessThan(Integer.parseInt(first.header("X-RateLimit-Remaining")));
    }

    @Test
    void aMatchingIfNoneMatchIsAnswered304ByTheGateway() {
        String path = "/api/v1/catalog/entries/cache-etag";
        BACKEND.respondWith(path, "Cache-Control", "max-age=60");
        BACKEND.version(path, "v7");
        String client = client();
        assertThat(anonymous(path, client).send().status()).isEqualTo(200);

        Response notModified = anonymous(path, client).header("If-None-Match", "\"v6\", \"v7\"").send();
        Response otherVersion = anonymous(path, client).header("If-None-Match", "\"v6\"").send();

        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.header("ETag")).isEqualTo("\"v7\"");
        assertThat(notModified.header("Cache-Control")).isEqualTo("max-age=60");
        assertThat(notModified.header("X-Cache")).isEqualTo("HIT");
        assertThat(notModified.rawBody()).isEmpty();
        assertThat(otherVersion.status()).isEqualTo(200);
        assertThat(otherVersion.header("X-Cache")).isEqualTo("HIT");
        assertThat(otherVersion.rawBody()).contains("\"version\":\"v7\"");
        assertThat(BACKEND.received(path)).hasSize(1);
    }

    @Test
    void aRequestWithATokenIsNeverServedFromTheCache() {
        String path = "/api/v1/catalog/entries/cache-token";
        BACKEND.respondWith(path, "Cache-Control", "public, max-age=60");
        String client = client();
        assertThat(anonymous(path, client).send().status()).isEqualTo(200);
        assertThat(anonymous(path, client).send().header("X-Cache")).isEqualTo("HIT");

        Response withToken = api().get(path).token(officerToken()).send();
        Response withCookie = anonymous(path, client).header("Cookie", "session=abc").send();

        assertThat(withToken.status()).isEqualTo(200);
        assertThat(withToken.header("X-Cache")).isNull();
        assertThat(withCookie.header("X-Cache")).isNull();
        assertThat(BACKEND.received(path)).hasSize(3);
        assertThat(BACKEND.received(path).get(1).header("Authorization")).startsWith("Bearer ");
    }

    @Test
    void anAnswerToARequestWithCredentialsIsNeverStored() {
        String path = "/api/v1/catalog/entries/cache-token-first";
        BACKEND.respondWith(path, "Cache-Control", "public, max-age=60");
        String client = client();

        api().get(path).token(officerToken()).send();
        anonymous(path, client).header("Cookie", "session=abc").send();
        Response anonymousRead = anonymous(path, client).send();

        assertThat(anonymousRead.header("X-Cache")).isNull();
        assertThat(BACKEND.received(path)).hasSize(3);
        assertThat(anonymous(path, client).send().header("X-Cache")).isEqualTo("HIT");
    }

    /** Every answer a shared cache must not keep, including the combinations Spring Cloud Gateway's cache stored. */
    @ParameterizedTest(name = "Cache-Control: {0}")
    @ValueSource(strings = {"private", "no-store", "private, no-store", "no-cache, no-store, max-age=0, must-revalidate",
            "max-age=60, private", "MAX-AGE=60, Private", "public, max-age=60, no-store", "max-age=60, no-cache",
            "max-age=60, no-cache=\"Set-Cookie\"", "private=\"X-Token\", max-age=60", "public", "max-age=0",
            "max-age=60, max-age=30", "max-age=60, x-unknown-directive", "max-age=sixty", "s-maxage=0, max-age=60",
            "max-age=60|private", "-"})
    void anAnswerAsharedCacheMustNotKeepIsNeverStored(String cacheControl) {
        String path = "/api/v1/catalog/bundles/never-" + Integer.toHexString(cacheControl.hashCode());
        if (!cacheControl.equals("-")) {
            // "a|b": two Cache-Control lines
            BACKEND.respondWith(path, "Cache-Control", cacheControl.split("\\|"));
        }
        String client = client();

        anonymous(path, client).send();
        Response second = anonymous(path, client).send();

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("X-Cache")).isNull();
        assertThat(BACKEND.received(path)).hasSize(2);
    }

    @Test
    void anAnswerSettingACookieIsNeverStored() {
        String path = "/api/v1/catalog/bundles/cache-cookie";
        BACKEND.respondWith(path, "Cache-Control", "public, max-age=60");
        BACKEND.respondWith(path, "Set-Cookie", "tracking=1");
        String client = client();

        anonymous(path, client).send();
        anonymous(path, client).send();

        assertThat(BACKEND.received(path)).hasSize(2);
    }

    @Test
    void aChangeIsVisibleOnceTheAdvertisedMaxAgeHasPassed() throws InterruptedException {
        String path = "/api/v1/catalog/calendar/years/2031";
        BACKEND.respondWith(path, "Cache-Control", "max-age=1");
        BACKEND.version(path, "before");
        String client = client();
        assertThat(anonymous(path, client).send().rawBody()).contains("\"version\":\"before\"");

        BACKEND.version(path, "after"); // e.g. a calendar change
        Response withinMaxAge = anonymous(path, client).send();
        Thread.sleep(1_200);
        Response afterMaxAge = anonymous(path, client).send();

        assertThat(withinMaxAge.header("X-Cache")).isEqualTo("HIT");
        assertThat(withinMaxAge.rawBody()).contains("\"version\":\"before\"");
        assertThat(afterMaxAge.header("X-Cache")).isNull();
        assertThat(afterMaxAge.rawBody()).contains("\"version\":\"after\"");
    }

    @Test
    void aProtectedPathOfTheSameServiceIsNeverCached() {
        String path = "/api/v1/catalog/entries/cache-private/draft";
        BACKEND.respondWith(path, "Cache-Control", "public, max-age=60");
        String token = officerToken();

        api().get(path).token(token).send();
        Response second = api().get(path).token(token).send();

        assertThat(second.header("X-Cache")).isNull();
        assertThat(BACKEND.received(path)).hasSize(2);
    }

    private ApiClient.Call anonymous(String path, String client) {
        return api().get(path).header("X-Forwarded-For", client);
    }

    /** A client address of its own (127.0.0.1, the test client, is a trusted proxy). */
    private static String client() {
        return "198.51.100." + CLIENTS.getAndIncrement();
    }
}
