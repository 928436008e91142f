package dev.onewindow.catalog.demo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.onewindow.catalog.Fixtures;
import dev.onewindow.catalog.entry.EntryService.ImportOutcome;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo catalog of the local stack, loaded into the running service the way the start-up loader does (it is off
 * in tests, so the other tests start from an empty catalog): loading twice changes nothing the second time, and
 * what the acceptance check asks for is there.
 */
@IntegrationTest
class DemoDataIT {

    @LocalServerPort
    int port;
    @Autowired
    DemoDataLoader loader;

    @Test
    void loadsIdempotentlyAndTheAcceptanceSearchFindsIt() {
        loader.load();
        DemoDataLoader.Summary second = loader.load();
        assertThat(second.departmentsCreated()).isZero();
        assertThat(second.itemsChanged()).isZero();
        assertThat(second.entries()).containsOnlyKeys(ImportOutcome.UNCHANGED);
        assertThat(second.entries().get(ImportOutcome.UNCHANGED)).isGreaterThanOrEqualTo(30);
        assertThat(second.bundlesPublished()).isZero();

        ApiClient api = ApiClient.localPort(port);
        // the acceptance check: anonymous keyword search for 营业执照 finds demo entries
        JsonNode found = api.get("/api/v1/catalog/items?q=" + URLEncoder.encode("营业执照", StandardCharsets.UTF_8))
                .send().json();
        assertThat(found.get("totalElements").asLong()).isGreaterThanOrEqualTo(10);
        // (by department and item type: the other tests' entries, whose descriptions say 营业执照 too, come first
        // in code order and may fill the first page of the plain search)
        for (String department : List.of("SCJGJ", "YQSCJGJ")) {
            JsonNode licences = api.get("/api/v1/catalog/items?itemType=XK&department=" + department + "&q="
                    + URLEncoder.encode("营业执照", StandardCharsets.UTF_8)).send().json();
            assertThat(licences.get("content").values()).extracting(e -> e.get("implementationCode").asString())
                    .contains("XK00105000" + (department.equals("SCJGJ") ? "341300" : "341302") + department);
        }

        JsonNode food = api.get("/api/v1/catalog/entries/XK00105000341300SCJGJ").send().json();
        assertThat(food.get("name").asString()).isEqualTo("食品经营许可");
        assertThat(food.get("result").get("licenseType").asString()).isEqualTo("SPJYXKZ");
        JsonNode residence = api.get("/api/v1/catalog/entries/QT00601000341300GAJ").send().json();
        assertThat(residence.get("autoApproval").get("enabled").asBoolean()).isTrue();
        assertThat(residence.get("result").get("licenseType").asString()).isEqualTo("JZZ");
        // its application form says which fields are personal data (case-handling encrypts and masks them)
        assertThat(residence.get("formFields").values()).extracting(f -> f.get("name").asString() + ":"
                + f.get("personal").asBoolean() + ":" + f.get("required").asBoolean())
                .contains("name:true:true", "residenceAddress:true:true", "residenceMonths:false:true");
        assertThat(api.get("/api/v1/catalog/bundles/CSYJS").send().json().get("members").size()).isEqualTo(3);

        // the demo catalog is published by the system, not a person: no review, recorded as "system"
        JsonNode history = api.get("/api/v1/catalog/entries/XK00105000341300SCJGJ").token(Fixtures.CATALOG_ADMIN)
                .send().json().get("history");
        assertThat(history.get("publishedBy").asString()).isEqualTo("system");
        assertThat(history.get("reviewedBy").isNull()).isTrue();
        assertThat(api.get("/api/v1/catalog/bundles/CSYJS").token(Fixtures.CATALOG_ADMIN).send().json()
                .get("history").get("publishedBy").asString()).isEqualTo("system");
        assertThat(api.get("/api/v1/catalog/entries/GG01502000341300RSJ").send().json().get("immediate")
                .asBoolean()).isTrue();

        JsonNode city = api.get("/api/v1/catalog/items?region=341300&size=100").send().json();
        assertThat(city.get("content").values().stream().map(e -> e.get("departmentCode").asString()).distinct()
                .count()).isGreaterThanOrEqualTo(5);

        JsonNode birth = api.get("/api/v1/catalog/bundles/CSYJS").send().json();
        assertThat(birth.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(birth.get("leadDepartment").asString()).isEqualTo("WSJKW");
        assertThat(birth.get("members").values()).extracting(m -> m.get("departmentCode").asString())
                .containsExactly("WSJKW", "GAJ", "RSJ");
        List<String> materials = birth.get("materials").values().stream().map(m -> m.get("name").asString())
                .toList();
        assertThat(materials).containsOnlyOnce("出生医学证明", "居民户口簿", "结婚证");
    }
}
