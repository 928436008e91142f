package dev.onewindow.platform.apidocs;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/** Which documented operations a {@code public-paths} entry makes public (x-public in the API document). */
class PublicPathTest {

    @Test
    void anEntryNamingAnOperationWithANarrowedVariableLeavesItsLiteralNeighbourPrivate() {
        PartnerApiDocs.PublicPath department = PartnerApiDocs.PublicPath.parse(
                "GET /api/v1/catalog/departments/{code:[A-Z][A-Z0-9]*}");

        assertThat(department.matches(HttpMethod.GET, "/api/v1/catalog/departments/{code}")).isTrue();
        assertThat(department.matches(HttpMethod.GET, "/api/v1/catalog/departments/mine")).isFalse();
        assertThat(department.matches(HttpMethod.PUT, "/api/v1/catalog/departments/{code}")).isFalse();
        assertThat(department.matches(HttpMethod.GET, "/api/v1/catalog/departments/{code}/staff")).isFalse();
    }

    @Test
    void aWildcardEntryCoversEveryOperationUnderIt() {
        PartnerApiDocs.PublicPath calendar = PartnerApiDocs.PublicPath.parse("GET /api/v1/catalog/calendar/**");

        assertThat(calendar.matches(HttpMethod.GET, "/api/v1/catalog/calendar/days/{date}")).isTrue();
        assertThat(calendar.matches(HttpMethod.GET, "/api/v1/catalog/calendar")).isTrue();
        assertThat(calendar.matches(HttpMethod.GET, "/api/v1/catalog/entries/{code}")).isFalse();
    }

    @Test
    void aPlainVariableEntryMatchesTheOperationOnly() {
        PartnerApiDocs.PublicPath entry = PartnerApiDocs.PublicPath.parse("GET /api/v1/catalog/entries/{code}");

        assertThat(entry.matches(HttpMethod.GET, "/api/v1/catalog/entries/{code}")).isTrue();
        assertThat(entry.matches(HttpMethod.GET, "/api/v1/catalog/entries/mine")).isTrue();
        assertThat(entry.matches(HttpMethod.GET, "/api/v1/catalog/entries/{code}/versions")).isFalse();
    }
}
