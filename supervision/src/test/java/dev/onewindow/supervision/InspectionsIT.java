package dev.onewindow.supervision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.onewindow.platform.personal.UnifiedSocialCreditCode;
import dev.onewindow.platform.testkit.ApiClient;
import dev.onewindow.platform.testkit.ApiClient.Response;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.TopicReader;
import dev.onewindow.supervision.inspections.DrawVerifier;
import dev.onewindow.supervision.support.Watching;
import dev.onewindow.supervision.watch.WatchService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import static dev.onewindow.supervision.support.People.supervisor;
import static dev.onewindow.supervision.support.Producers.at;
import static dev.onewindow.supervision.support.TestClockConfiguration.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 双随机、一公开 end to end: the seed's hash is public before the draw; after it, the public record re-run by the shipped
 * verifier (the same code {@code bin/verify-draw.sh} compiles) gives the same selection, a changed seed does not match
 * the published hash, a conflicted inspector is never drawn, each entity gets inspectors of two departments; results
 * not published within 20 working days of the inspection's end raise an alert.
 */
@IntegrationTest
class InspectionsIT {

    private static final String INSPECTIONS = "/api/v1/supervision/inspections";

    @LocalServerPort
    int port;
    @Autowired
    WatchService watch;
    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void systemTime() {
        CLOCK.useSystemTime();
    }

    /** A valid USCC numbered {@code n}. */
    static String uscc(int n) {
        String first17 = String.format("91341302MA%07d", n);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    @Test
    void aDrawIsVerifiableFromItsPublicRecordAndSkipsConflictedInspectors() throws Exception {
        ApiClient api = ApiClient.localPort(port);
        String supervisor = supervisor("341300");
        CLOCK.set(at(2026, 4, 1, 9, 0));
        List<Map<String, Object>> entities = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            entities.add(Map.of("uscc", uscc(i), "type", i % 2 == 0 ? "FOOD_SHOP" : "RESTAURANT",
                    "region", "341302"));
        }
        // insp-01 declared a conflict with every entity: never drawn
        List<String> everyone = entities.stream().map(e -> (String) e.get("uscc")).toList();
        List<Map<String, Object>> inspectors = new ArrayList<>();
        inspectors.add(Map.of("id", "insp-01", "department", "SCJGJ", "conflicts", everyone.subList(0, 40)));
        for (int i = 2; i <= 9; i++) {
            inspectors.add(Map.of("id", "insp-0" + i, "department", i <= 6 ? "SCJGJ" : "WSJKW",
                    "conflicts", i == 2 ? List.of(uscc(3), uscc(4)) : List.of()));
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("itemCode", "SPAQ-2026-Q2");
        plan.put("itemName", "食品经营者监督检查");
        plan.put("region", "341302");
        plan.put("department", "SCJGJ");
        plan.put("entities", entities);
        plan.put("inspectors", inspectors);
        plan.put("ratio", 0.25);
        plan.put("inspectorsPerEntity", 2);
        plan.put("distinctDepartments", true);
        plan.put("endsOn", "2026-04-30");
        Response announced = api.post(INSPECTIONS).token(supervisor).json(plan).send();
        assertThat(announced.status()).as(announced.toString()).isEqualTo(201);
        String id = announced.json().path("id").asString();
        String seedHash = announced.json().path("seedHash").asString();

        // before the draw: the hash is public, the seed is not
        Response before = api.get(INSPECTIONS + "/" + id + "/record").send();
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.rawBody()).contains("seedHash=" + seedHash).contains("seed=\n");
        assertThat(DrawVerifier.verify(before.rawBody())).singleElement().asString().contains("not published");

        Response drawn = api.post(INSPECTIONS + "/" + id + "/draw").token(supervisor).send();
        assertThat(drawn.status()).as(drawn.toString()).isEqualTo(200);
        JsonNode selection = drawn.json().path("selection");
        assertThat(selection).hasSize(10);
        Set<String> drawnInspectors = new HashSet<>();
        for (JsonNode s : selection) {
            List<String> ids = new ArrayList<>();
            s.path("inspectors").forEach(i -> ids.add(i.asString()));
            assertThat(ids).hasSize(2).doesNotContain("insp-01");
            if (s.path("uscc").asString().equals(uscc(3)) || s.path("uscc").asString().equals(uscc(4))) {
                assertThat(ids).doesNotContain("insp-02");
            }
            assertThat(ids.stream().map(i -> Integer.parseInt(i.substring(5)) <= 6 ? "SCJGJ" : "WSJKW")
                    .distinct().count()).as("two departments for " + s).isEqualTo(2);
            drawnInspectors.addAll(ids);
        }
        assertThat(drawnInspectors).doesNotContain("insp-01");

        // anyone re-runs it from the public record: the same selection
        String record = api.get(INSPECTIONS + "/" + id + "/record").send().rawBody();
        assertThat(DrawVerifier.verify(record)).isEmpty();
        Path file = Files.createTempFile("draw", ".txt");
        Files.writeString(file, record);
        // a changed seed does not match the published hash (and gives another selection)
        String seed = record.lines().filter(l -> l.startsWith("seed=")).findFirst().orElseThrow().substring(5);
        String forged = record.replace("seed=" + seed + "\n", "seed=" + seed.replace(seed.charAt(0),
                seed.charAt(0) == 'a' ? 'b' : 'a') + "\n");
        assertThat(DrawVerifier.verify(forged)).anyMatch(p -> p.contains("seedHash"));
        // a roster changed after the fact does not match its snapshot hash
        assertThat(DrawVerifier.verify(record.replace("insp-09|WSJKW|", "insp-09|SCJGJ|")))
                .anyMatch(p -> p.contains("inspectorsHash"));

        try (TopicReader topic = TopicReader.fromBeginning("supervision.inspection.events.v1")) {
            JsonNode event = topic.awaitEvents(id, 1, Duration.ofSeconds(30)).get(0);
            assertThat(event.path("type").asString()).isEqualTo("inspection.drawn");
            assertThat(event.path("data").path("seed").asString()).isEqualTo(seed);
            assertThat(event.path("data").path("seedHash").asString()).isEqualTo(seedHash);
        }

        // the results are due 20 working days after 30 April (May Day holidays skipped): not published, RED
        Watching watching = new Watching(mongo);
        CLOCK.set(at(2026, 6, 30, 9, 0));
        watch.sweep();
        assertThat(watching.alerts(id)).contains("DEADLINE_OVERDUE OPEN");
        for (JsonNode s : selection) {
            assertThat(api.post(INSPECTIONS + "/" + id + "/results").token(supervisor)
                    .json(Map.of("uscc", s.path("uscc").asString(), "outcome", "COMPLIANT")).send().status())
                    .isEqualTo(200);
        }
        Response published = api.post(INSPECTIONS + "/" + id + "/publication").token(supervisor).send();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(watching.alerts(id)).contains("DEADLINE_OVERDUE CLEARED");
        assertThat(api.post(INSPECTIONS + "/" + id + "/draw").token(supervisor).send().status()).isEqualTo(409);
    }
}
