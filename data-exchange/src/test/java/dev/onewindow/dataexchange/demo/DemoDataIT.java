package dev.onewindow.dataexchange.demo;

import java.time.Clock;
import java.util.List;

import dev.onewindow.dataexchange.datasets.DatasetService;
import dev.onewindow.dataexchange.resources.ResourceRepository;
import dev.onewindow.dataexchange.resources.ResourceService;
import dev.onewindow.dataexchange.sharing.ShareRequestService;
import dev.onewindow.dataexchange.support.Exchange;
import dev.onewindow.dataexchange.support.People;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack's demo catalog and grants (what {@code DemoData} loads when the local stack starts; the tests'
 * shared context leaves it off, so this test loads it into that context itself, twice — the second load changes
 * nothing): WSJKW's system reads both shared resources under its grants, masked as granted; the not-shared one cannot
 * be requested.
 */
@IntegrationTest
class DemoDataIT {

    @LocalServerPort
    int port;
    @Autowired
    ResourceService resources;
    @Autowired
    ResourceRepository stored;
    @Autowired
    ShareRequestService requests;
    @Autowired
    DatasetService datasets;
    @Autowired
    Clock clock;

    @Test
    void theDemoConsumerReadsBothSharedResourcesMaskedAsGranted() {
        DemoData demo = new DemoData(resources, stored, requests, datasets, clock);
        demo.load();
        demo.load();
        Exchange exchange = new Exchange(ApiClient.localPort(port));

        JsonNode grants = exchange.api().get("/api/v1/exchange/grants?size=100").token(People.consumer("WSJKW"))
                .send().json();
        String enterprises = grantOf(grants, "SCJGJ-QYDJ");
        String insurance = grantOf(grants, "RSJ-SBJL");
        assertThat(exchange.query("WSJKW", enterprises, "91341302MA2T4K7B8P").json().path("records").get(0)
                .path("legalRepresentative").asString()).isEqualTo("赵*");
        JsonNode record = exchange.query("WSJKW", insurance, "341302199003071234").json().path("records").get(0);
        assertThat(record.path("idNumber").asString()).isEqualTo("341302********1234");
        assertThat(record.path("name").asString()).isEqualTo("张*");
        assertThat(record.path("insuredStatus").asString()).isEqualTo("正常参保");
        assertThat(record.has("monthlyBase")).isFalse();
        assertThat(exchange.request("WSJKW", "GAJ-HJXX", List.of("idNumber"), List.of(),
                java.time.Instant.now().plusSeconds(86_400), null).status()).isEqualTo(409);
        assertThat(stored.count()).isGreaterThanOrEqualTo(3);
    }

    private static String grantOf(JsonNode grants, String resource) {
        for (JsonNode g : grants.path("items")) {
            if (g.path("resourceCode").asString().equals(resource) && g.path("status").asString().equals("ACTIVE")) {
                return g.path("id").asString();
            }
        }
        throw new AssertionError("no grant of " + resource + " in " + grants);
    }
}
