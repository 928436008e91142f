package dev.onewindow.elicense;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.onewindow.elicense.support.AdjustableClock;
import dev.onewindow.elicense.support.Fixtures;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.CacheableReads;
import dev.onewindow.platform.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * e-license's public reads through any cache (onewindow.http-cache.public-reads in application.yml): keys, status
 * lists and licence types public for their max-age to anonymous verifiers, with strong ETags and 304; private with
 * a token; a revocation gives the status list a new ETag; verification is never kept.
 */
@IntegrationTest
class PublicReadCachingIT {

    private static final Pattern STATUS_LIST_CACHE_CONTROL = Pattern.compile("public, max-age=(\\d+)");

    @LocalServerPort
    int port;

    private final String approver = Fixtures.approver("SCJGJ");

    private ApiClient api() {
        return ApiClient.localPort(port);
    }

    @Test
    void keysAndLicenceTypesArePublicForTheirMaxAge() {
        CacheableReads.assertPublic(api(), "/api/v1/licenses/keys", "public, max-age=3600");
        CacheableReads.assertPrivate(api(), "/api/v1/licenses/keys", approver, "private, no-cache");
        CacheableReads.assertPublic(api(), "/api/v1/licenses/types", "public, max-age=86400");
        CacheableReads.assertPublic(api(), "/api/v1/licenses/types/SPJYXKZ", "public, max-age=86400");
    }

    @Test
    void aStatusListIsKeptAtMostFiveMinutesNeverPastItsValidUntilAndARevocationChangesItsETag() {
        Fixtures.issue(api(), approver, "SPJYXKZ", Fixtures.newIdNumber(), Fixtures.spjyxkz());
        String path = "/api/v1/licenses/status-lists/SCJGJ";
        // W3C Bitstring Status List's default ttl and status-list.max-age, less the time the list has lived
        String before = CacheableReads.assertPublicMatching(api(), path, STATUS_LIST_CACHE_CONTROL.pattern());
        Matcher maxAge = STATUS_LIST_CACHE_CONTROL.matcher(api().get(path).send().header("Cache-Control"));
        assertThat(maxAge.matches()).isTrue();
        assertThat(Long.parseLong(maxAge.group(1))).isBetween(1L, 300L);
        Response own = CacheableReads.assertPrivate(api(), path, approver, "private, no-cache");
        assertThat(own.header("ETag")).isEqualTo(before);

        String id = Fixtures.issue(api(), approver, "SPJYXKZ", Fixtures.newIdNumber(), Fixtures.spjyxkz())
                .get("licenseId").asString();
        Response revoked = api().post("/api/v1/licenses/" + id + "/revoke").token(approver)
                .json(Map.of("reason", "obtained by fraud")).send();
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);

        Response after = api().get(path).header("If-None-Match", before).send();
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.header("ETag")).isNotEqualTo(before);

        // four minutes on, the same list has one minute left to live: no cache may keep it longer
        AdjustableClock.INSTANCE.advance(Duration.ofMinutes(4));
        Response older = api().get(path).send();
        assertThat(older.header("ETag")).as("the same list").isEqualTo(after.header("ETag"));
        Matcher left = STATUS_LIST_CACHE_CONTROL.matcher(older.header("Cache-Control"));
        assertThat(left.matches()).as(older.header("Cache-Control")).isTrue();
        assertThat(Long.parseLong(left.group(1))).isBetween(0L, 60L);
    }

    @Test
    void verificationIsNeverKept() {
        String id = Fixtures.issue(api(), approver, "SPJYXKZ", Fixtures.newIdNumber(), Fixtures.spjyxkz())
                .get("licenseId").asString();
        Response verified = api().get("/api/v1/licenses/verify/" + id).send();
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.header("Cache-Control")).isEqualTo("no-cache, no-store, max-age=0, must-revalidate");
        assertThat(verified.header("ETag")).isNull();
    }
}
