package dev.onewindow.catalog;

import java.util.List;
import java.util.Map;

import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.CacheableReads;
import dev.onewindow.platform.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.onewindow.catalog.Fixtures.CATALOG_ADMIN;
import static dev.onewindow.catalog.Fixtures.CITIZEN;
import static dev.onewindow.catalog.Fixtures.SCJGJ_ADMIN;
import static dev.onewindow.catalog.Fixtures.draft;
import static dev.onewindow.catalog.Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog's public reads through any cache (onewindow.http-cache.public-reads in application.yml): public for
 * their max-age to anonymous callers with strong ETags and 304, private with a token, and a change — a calendar
 * year replaced, a revision published — gives a new ETag, so a cache that revalidates sees it.
 */
@IntegrationTest
class PublicReadCachingIT {

    private static final String CALENDAR = "public, max-age=21600";
    private static final String ENTRY = "public, max-age=300";

    @LocalServerPort
    int port;

    private ApiClient api() {
        return ApiClient.localPort(port);
    }

    @Test
    void theCalendarIsCachedForHoursAndAChangeChangesItsETag() {
        // 2031: a year no other test touches
        replaceYear(List.of("2031-01-01"), List.of());
        String year = "/api/v1/catalog/calendar/years/2031";
        String day = "/api/v1/catalog/calendar/days/2031-05-02";     // a Friday
        String yearTag = CacheableReads.assertPublic(api(), year, CALENDAR);
        String dayTag = CacheableReads.assertPublic(api(), day, CALENDAR);
        CacheableReads.assertPublic(api(), "/api/v1/catalog/calendar/add?from=2031-04-30&workingDays=2", CALENDAR);
        CacheableReads.assertPrivate(api(), year, CITIZEN, "private, no-cache");

        replaceYear(List.of("2031-01-01", "2031-05-02"), List.of());

        Response changed = api().get(day).header("If-None-Match", dayTag).send();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("workingDay").asBoolean()).isFalse();
        assertThat(changed.header("ETag")).isNotEqualTo(dayTag);
        assertThat(CacheableReads.etag(api(), year)).isNotEqualTo(yearTag);
    }

    @Test
    void publishedEntriesAreCachedForMinutesAndStaffAnswersAreKeptNowhere() {
        Fixtures.departments(api());
        String basicCode = item(api(), "XK", "缓存测试许可", List.of());
        String code = Fixtures.published(api(), draft(basicCode, "SCJGJ", "缓存测试许可"));
        String current = "/api/v1/catalog/entries/" + code;
        String version1 = current + "/versions/1";

        String currentTag = CacheableReads.assertPublic(api(), current, ENTRY);
        String versionTag = CacheableReads.assertPublic(api(), version1, "public, max-age=3600");
        CacheableReads.assertPublic(api(), current + "/versions", ENTRY);
        CacheableReads.assertPublic(api(), "/api/v1/catalog/items?department=SCJGJ", "public, max-age=60");
        // staff of the department see the version's history (who drafted and reviewed): private, kept nowhere
        Response staff = CacheableReads.assertPrivate(api(), current, SCJGJ_ADMIN, "private, no-store");
        assertThat(staff.header("ETag")).isNull();
        assertThat(CacheableReads.assertPrivate(api(), current + "/versions", SCJGJ_ADMIN, "private, no-store")
                .header("ETag")).isNull();

        // a revision published: the current version's answer changes, and version 1 is now SUPERSEDED
        Response revised = api().put(current + "/draft").token(CATALOG_ADMIN)
                .json(draft(basicCode, "SCJGJ", "缓存测试许可（修订）")).send();
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(CacheableReads.etag(api(), current)).as("a draft is not public").isEqualTo(currentTag);
        Fixtures.publish(api(), code);

        Response now = api().get(current).header("If-None-Match", currentTag).send();
        assertThat(now.status()).isEqualTo(200);
        assertThat(now.json().get("version").asInt()).isEqualTo(2);
        assertThat(now.header("ETag")).isNotEqualTo(currentTag);
        assertThat(api().get(version1).header("If-None-Match", versionTag).send().status()).isEqualTo(200);
    }

    @Test
    void aBundleKeepsItsRevisionAsETagAndAnswersIfNoneMatchWithIt() {
        Fixtures.departments(api());
        String first = Fixtures.published(api(), draft(item(api(), "GG", "缓存一件事甲", List.of()), "WSJKW",
                "缓存一件事甲"));
        String second = Fixtures.published(api(), draft(item(api(), "QR", "缓存一件事乙", List.of()), "GAJ",
                "缓存一件事乙"));
        String code = "HC" + Fixtures.newBasicCode("XK").substring(2);
        Response created = api().post("/api/v1/catalog/bundles").token(CATALOG_ADMIN).json(Map.of("code", code,
                "name", "缓存一件事", "description", "两个事项一次办", "leadDepartment", "WSJKW",
                "members", List.of(first, second))).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(api().post("/api/v1/catalog/bundles/" + code + "/submit").token(CATALOG_ADMIN).send().status())
                .isEqualTo(200);
        Response published = api().post("/api/v1/catalog/bundles/" + code + "/publish")
                .token(Fixtures.CATALOG_ADMIN_2).send();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);

        String etag = CacheableReads.assertPublic(api(), "/api/v1/catalog/bundles/" + code, ENTRY);
        assertThat(etag).isEqualTo(published.header("ETag"));
        CacheableReads.assertPublic(api(), "/api/v1/catalog/bundles", "public, max-age=60");
        CacheableReads.assertPrivate(api(), "/api/v1/catalog/bundles/" + code, CATALOG_ADMIN, "private, no-store");
    }

    private void replaceYear(List<String> holidays, List<String> makeUpWorkingDays) {
        Response saved = api().put("/api/v1/catalog/calendar/years/2031").token(CATALOG_ADMIN)
                .json(Map.of("holidays", holidays, "makeUpWorkingDays", makeUpWorkingDays)).send();
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }
}
