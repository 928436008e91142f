package dev.onewindow.catalog.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.onewindow.catalog.bundle.Bundle;
import dev.onewindow.catalog.bundle.MemberSnapshot;
import dev.onewindow.catalog.entry.CatalogEntry;
import dev.onewindow.catalog.entry.Contents;
import dev.onewindow.catalog.entry.Editor;
import dev.onewindow.catalog.entry.Material;
import dev.onewindow.catalog.item.BasicCode;
import dev.onewindow.platform.events.AggregateRoot;
import dev.onewindow.platform.events.OutboxEntry;
import dev.onewindow.platform.testkit.JsonSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the catalog's aggregates register as events, serialised as the outbox does, matches the JSON Schema and has
 * exactly the structure of the golden sample in {@code src/main/resources/contracts/events/} (so a field added or
 * removed in code without updating the contract fails here).
 */
class EventContractsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");
    private static final Editor AUTHOR = new Editor("catalogadmin1", true, false, "SJZYJ");
    private static final Editor REVIEWER = new Editor("catalogadmin2", true, false, "SJZYJ");

    @ParameterizedTest
    @ValueSource(strings = {"item.published", "item.revised", "item.suspended", "item.withdrawn", "bundle.published",
            "calendar.updated"})
    void everyGoldenSampleConformsToItsSchema(String type) {
        assertThat(JsonSchema.forEvent(type).violations(JsonSchema.sample(type))).isEmpty();
    }

    @Test
    void itemLifecycleEventsMatchTheirContracts() {
        CatalogEntry entry = CatalogEntry.draft(BasicCode.of("XK00105000"), "SCJGJ", "341300", Contents.full(),
                AUTHOR, NOW);
        entry.submit(AUTHOR, NOW);
        entry.publish(REVIEWER, true, NOW);
        assertMatchesContract("item.published", last(entry));
        entry.suspend("法规修订，暂停受理", REVIEWER, NOW);
        assertMatchesContract("item.suspended", last(entry));
        entry.resume(REVIEWER, NOW);
        assertMatchesContract("item.published", last(entry));
        entry.editDraft(Contents.aContent().name("食品经营许可（修订）").build(), AUTHOR, NOW);
        entry.submit(AUTHOR, NOW);
        entry.publish(REVIEWER, true, NOW);
        assertMatchesContract("item.revised", last(entry));
        entry.withdraw("事项取消", REVIEWER, NOW);
        assertMatchesContract("item.withdrawn", last(entry));
        assertThat(entry.pendingEvents()).extracting(OutboxEntry::type).containsExactly("item.published",
                "item.suspended", "item.published", "item.revised", "item.withdrawn");
    }

    @Test
    void bundlePublishedMatchesItsContract() {
        Bundle bundle = Bundle.draft("CSYJS", "出生一件事", "一次申请，并联办理", "WSJKW", "341300",
                List.of("GG00901000341300WSJKW", "QR00701000341300GAJ"), "catalogadmin1", NOW);
        Material birth = new Material("M01", "出生医学证明", true, null, 0, 1, null, List.of("CSYXZM"));
        Material marriage = new Material("M04", "结婚证", false, "父母已登记结婚的提交", 0, 1, null, List.of("JHZ"));
        bundle.publish(Map.of(
                "GG00901000341300WSJKW", new MemberSnapshot("GG00901000341300WSJKW", 1, "WSJKW", "出生医学证明签发",
                        List.of(marriage)),
                "QR00701000341300GAJ", new MemberSnapshot("QR00701000341300GAJ", 1, "GAJ", "出生登记",
                        List.of(birth, marriage))), Editor.system(), true, NOW);
        assertMatchesContract("bundle.published", last(bundle));
    }

    static JsonNode last(AggregateRoot aggregate) {
        List<OutboxEntry> events = aggregate.pendingEvents();
        return JSON.valueToTree(events.get(events.size() - 1).payload());
    }

    static void assertMatchesContract(String type, JsonNode data) {
        assertThat(JsonSchema.forEvent(type).data().violations(data)).as(type + " " + data).isEmpty();
        assertThat(JsonSchema.paths(data)).as("structure of " + type + " vs its golden sample")
                .containsExactlyElementsOf(JsonSchema.paths(JsonSchema.sample(type).get("data")));
    }
}
