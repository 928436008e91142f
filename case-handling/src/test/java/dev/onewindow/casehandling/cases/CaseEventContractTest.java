package dev.onewindow.casehandling.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.onewindow.platform.testkit.JsonSchema;
import dev.onewindow.platform.events.OutboxEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.onewindow.casehandling.cases.CaseFixtures.APPROVER;
import static dev.onewindow.casehandling.cases.CaseFixtures.CITIZEN;
import static dev.onewindow.casehandling.cases.CaseFixtures.OFFICER;
import static dev.onewindow.casehandling.cases.CaseFixtures.REVIEWER;
import static dev.onewindow.casehandling.cases.CaseFixtures.RULES;
import static dev.onewindow.casehandling.cases.CaseFixtures.aCase;
import static dev.onewindow.casehandling.cases.CaseFixtures.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each case event, as the aggregate registers it and the outbox serialises it, matches its published JSON Schema
 * and has exactly the fields of its golden sample under {@code src/main/resources/contracts/events/} — and each
 * sample satisfies its schema. A change to an event record without its contract fails here.
 */
class CaseEventContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, JsonNode> SERIALISED = new LinkedHashMap<>();

    static Stream<String> eventTypes() {
        return Stream.of("case.submitted", "case.accepted", "case.review-started", "case.rejected",
                "case.supplement-requested", "case.supplemented", "case.suspended", "case.resumed", "case.extended", "case.approved",
                "case.denied", "case.completed", "case.withdrawn");
    }

    @BeforeAll
    static void driveEveryTransition() {
        Case c = aCase().licenseResult().submitted();
        c.requestSupplement(OFFICER, List.of(new SupplementRequest.Item("M02", "场所证明")), "一次性告知", RULES,
                shanghai(2026, 2, 13, 10));
        c.supplement(CITIZEN, List.of(Material.file("M02", "f2", "lease.pdf", "application/pdf", 10,
                shanghai(2026, 2, 13, 11))), null, null, RULES, shanghai(2026, 2, 13, 11));
        c.accept(OFFICER, RULES, shanghai(2026, 2, 13, 12));
        c.startReview(REVIEWER, RULES, shanghai(2026, 2, 14, 9));
        c.suspend(REVIEWER, "专家评审", "现场核查", RULES, shanghai(2026, 2, 24, 9));
        c.resume(REVIEWER, null, RULES, shanghai(2026, 2, 25, 9));
        c.extend(APPROVER, 5, "情况复杂", RULES, shanghai(2026, 2, 26, 9));
        c.approve(APPROVER, "符合条件", RULES, shanghai(2026, 2, 27, 9));
        c.completeWithLicense("SPJYXKZ34130000000001", RULES, shanghai(2026, 2, 27, 9));
        collect(c);

        Case rejected = aCase().submitted();
        rejected.reject(OFFICER, "不属于本部门职权", RULES, shanghai(2026, 2, 13, 10));
        collect(rejected);
        Case denied = aCase().inReview();
        denied.deny(APPROVER, "不符合卫生条件", "可依法申请行政复议或提起行政诉讼", RULES, shanghai(2026, 2, 24, 9));
        collect(denied);
        Case withdrawn = aCase().accepted();
        withdrawn.withdraw(CITIZEN, "不再经营", RULES, shanghai(2026, 2, 24, 9));
        collect(withdrawn);
    }

    private static void collect(Case c) {
        for (OutboxEntry entry : c.pendingEvents()) {
            SERIALISED.putIfAbsent(entry.type(), JSON.readTree(JSON.writeValueAsString(entry.payload())));
        }
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void theSerialisedEventMatchesItsSchemaAndGoldenSample(String type) throws IOException {
        JsonNode event = SERIALISED.get(type);
        assertThat(event).as("an event of type " + type + " was registered").isNotNull();
        JsonNode schema = resource(type + ".schema.json");
        assertThat(JsonSchema.of(schema).violations(event)).as(type + " against its schema").isEmpty();

        JsonNode sample = resourceOrNull(type + ".sample.json");
        if (sample == null) {
            Path draft = Path.of("target", "contract-drafts", type + ".sample.json");
            Files.createDirectories(draft.getParent());
            Files.writeString(draft, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(event));
        }
        assertThat(sample).as("golden sample of " + type + " (a draft was written to target/contract-drafts)")
                .isNotNull();
        assertThat(JsonSchema.of(schema).violations(sample)).as(type + " sample against its schema").isEmpty();
        assertThat(fieldNames(event)).as(type + " fields = golden sample fields").isEqualTo(fieldNames(sample));
        // never a raw ID number (18 characters, GB 11643 shape) anywhere in an event
        assertThat(event.toString()).doesNotContainPattern("(?<![0-9])[0-9]{17}[0-9X](?![0-9])");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }

    private static JsonNode resource(String name) {
        JsonNode node = resourceOrNull(name);
        assertThat(node).as(name).isNotNull();
        return node;
    }

    private static JsonNode resourceOrNull(String name) {
        try (InputStream in = CaseEventContractTest.class.getResourceAsStream("/contracts/events/" + name)) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
