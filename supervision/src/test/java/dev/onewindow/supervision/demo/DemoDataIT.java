package dev.onewindow.supervision.demo;

import java.time.Clock;

import dev.onewindow.platform.personal.UnifiedSocialCreditCode;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.supervision.inspections.InspectionRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static dev.onewindow.supervision.support.People.supervisor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack's demo inspection (what {@code DemoData} loads when the local stack starts; the tests' shared
 * context leaves it off, so this test loads it into that context itself, twice — the second load changes nothing): a
 * supervisor of the city finds it announced with valid rosters of two departments and draws it through the API; the
 * inspector with a declared conflict is never sent to that enterprise.
 */
@IntegrationTest
class DemoDataIT {

    @LocalServerPort
    int port;
    @Autowired
    InspectionRepository inspections;
    @Autowired
    Clock clock;

    @Test
    void aSupervisorDrawsTheDemoInspectionOnAFreshStack() {
        DemoData demo = new DemoData(inspections, clock);
        demo.load();
        demo.load();
        assertThat(inspections.findAll()).filteredOn(i -> i.itemCode().equals("SPJY-SHJC-2026")).hasSize(1);
        ApiClient api = ApiClient.localPort(port);
        String path = "/api/v1/supervision/inspections/" + DemoData.INSPECTION_ID;

        JsonNode announced = api.get(path).token(supervisor("341300")).send().json();
        assertThat(announced.path("status").asString()).isEqualTo("ANNOUNCED");
        assertThat(DemoData.entities()).hasSize(12)
                .allMatch(e -> UnifiedSocialCreditCode.isValid(e.uscc()))
                .extracting(e -> e.region()).containsOnly("341300", "341302");

        ApiClient.Response drawn = api.post(path + "/draw").token(supervisor("341300")).send();
        assertThat(drawn.status()).as(drawn.toString()).isEqualTo(200);
        JsonNode selection = drawn.json().path("selection");
        assertThat(selection.size()).isEqualTo(3); // ⌈12 × 0.25⌉
        for (JsonNode assignment : selection) {
            assertThat(assignment.path("inspectors").size()).isEqualTo(2);
            assertThat(assignment.path("inspectors").toString()).contains("wsjkw-").contains("scjgj-");
            if (assignment.path("uscc").asString().equals(DemoData.conflicted())) {
                assertThat(assignment.path("inspectors").toString()).doesNotContain(DemoData.CONFLICTED_INSPECTOR);
            }
        }
        // the public record (一公开) names the declared conflict in the frozen inspectors' roster
        ApiClient.Response record = api.get(path + "/record").send();
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.rawBody()).contains(DemoData.CONFLICTED_INSPECTOR + "|SCJGJ|" + DemoData.conflicted());
    }
}
