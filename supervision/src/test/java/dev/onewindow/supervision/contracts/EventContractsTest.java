package dev.onewindow.supervision.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.onewindow.platform.calendar.BundledCalendars;
import dev.onewindow.platform.calendar.Limit;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.events.AggregateRoot;
import dev.onewindow.platform.events.OutboxEntry;
import dev.onewindow.platform.events.OutboxMongoListener;
import dev.onewindow.platform.personal.UnifiedSocialCreditCode;
import dev.onewindow.platform.testkit.JsonSchema;
import dev.onewindow.supervision.Source;
import dev.onewindow.supervision.inspections.DrawAlgorithm;
import dev.onewindow.supervision.inspections.Inspection;
import dev.onewindow.supervision.inspections.Outcome;
import dev.onewindow.supervision.orders.SupervisionOrder;
import dev.onewindow.supervision.watch.Alert;
import dev.onewindow.supervision.watch.AlertKind;
import dev.onewindow.supervision.watch.Watched;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type supervision registers has a published contract under {@code src/main/resources/contracts/events/}
 * — a JSON Schema and a golden sample — and what the aggregates really register matches it: alerts, orders and
 * inspections are driven through every transition (no Spring, no database), each event rendered as the platform
 * renders it for the relay, checked against its schema and compared with the golden sample's members. No contract
 * has room for a person's name, number or words.
 */
class EventContractsTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS, DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();
    private static final OutboxMongoListener RENDERER = new OutboxMongoListener(JSON, null);
    private static final Set<String> PERSONAL = Set.of("mobile", "phone", "idNumber", "name", "text", "reply",
            "note", "comment", "openedBy", "by", "username", "closingNote");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[0-9]{17}[0-9X](?![0-9])");
    private static final WorkingDayCalendar CALENDAR = BundledCalendars.official();
    private static final Map<String, List<JsonNode>> REGISTERED = new LinkedHashMap<>();

    static Stream<String> eventTypes() {
        return Stream.of("alert.raised", "alert.cleared", "supervision-order.opened", "supervision-order.escalated",
                "supervision-order.replied", "supervision-order.closed", "inspection.drawn",
                "inspection.result-published");
    }

    private static Instant at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(WorkingDayCalendar.ZONE).toInstant();
    }

    @BeforeAll
    static void driveEveryTransition() {
        Watched matter = Watched.of(Source.CASE, "0b6f4a52-5d1e-4c8e-9a57-3f2f0d6c9b11");
        matter.describe("3413022026030200000001", "341302", "YQSCJGJ");
        Alert red = Alert.raise(matter, "HANDLING", 1, "YQSCJGJ", AlertKind.DEADLINE_OVERDUE, at(3, 13, 0, 0),
                at(3, 13, 0, 1));
        red.clear(false, at(3, 13, 9, 0));
        collect(red);
        Alert flag = Alert.raise(matter, null, 0, "YQSCJGJ", AlertKind.REPEATED_RETURNS, null, at(3, 13, 0, 1));
        collect(flag);

        SupervisionOrder order = SupervisionOrder.open("5d8e1c2a-3b4f-3a6c-9d7e-2f1a3b4c5d6e", red.id(),
                "DEADLINE_OVERDUE", new SupervisionOrder.Matter(Source.CASE, matter.subjectId(),
                        "3413022026030200000001", "341302", "YQSCJGJ"), "电话13800000001催办", "system", false,
                Limit.workingDays(2), CALENDAR, at(3, 13, 0, 1));
        order.escalateIfUnanswered(Limit.workingDays(2), CALENDAR, at(3, 18, 0, 30));
        order.reply("已办结，联系人13800000001", "handler-yqscjgj", CALENDAR, at(3, 18, 10, 0));
        order.close("同意", CALENDAR, at(3, 19, 10, 0));
        collect(order);

        List<DrawAlgorithm.Entity> entities = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            String first17 = "91341302MA000000" + n;
            entities.add(new DrawAlgorithm.Entity(first17 + UnifiedSocialCreditCode.checkCharacter(first17),
                    "FOOD_SHOP", "341302"));
        }
        Inspection inspection = Inspection.announce("7e9f1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b", new Inspection.Plan(
                "SPAQ-2026-Q2", "食品经营者监督检查", "341302", "SCJGJ", entities, List.of(
                        new DrawAlgorithm.Inspector("insp-01", "SCJGJ", List.of()),
                        new DrawAlgorithm.Inspector("insp-02", "SCJGJ", List.of(entities.get(0).uscc())),
                        new DrawAlgorithm.Inspector("insp-03", "WSJKW", List.of())),
                new BigDecimal("0.34"), 2, true, LocalDate.of(2026, 4, 30)), at(4, 1, 9, 0));
        inspection.draw(Limit.workingDays(20), CALENDAR, at(4, 2, 9, 0));
        inspection.selection().forEach(a -> inspection.record(a.uscc(), Outcome.COMPLIANT));
        inspection.publish(at(5, 20, 9, 0));
        collect(inspection);
    }

    private static void collect(AggregateRoot aggregate) {
        RENDERER.onBeforeConvert(new BeforeConvertEvent<>(aggregate, "supervision"));
        for (OutboxEntry entry : aggregate.pendingEvents()) {
            REGISTERED.computeIfAbsent(entry.type(), t -> new ArrayList<>()).add(JSON.readTree(entry.data()));
        }
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everyRegisteredEventMatchesItsSchemaAndHasTheGoldenSamplesMembers(String type) throws IOException {
        List<JsonNode> events = REGISTERED.get(type);
        assertThat(events).as("an event of type " + type + " was registered").isNotEmpty();
        JsonNode sample = resourceOrNull(type + ".sample.json");
        if (sample == null) {
            Path draft = Path.of("target", "contract-drafts", type + ".sample.json");
            Files.createDirectories(draft.getParent());
            Files.writeString(draft, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(events.get(0)));
        }
        assertThat(sample).as("golden sample of " + type + " (a draft was written to target/contract-drafts)")
                .isNotNull();
        JsonNode schemaDocument = resourceOrNull(type + ".schema.json");
        assertThat(schemaDocument).as(type + ".schema.json").isNotNull();
        JsonSchema schema = JsonSchema.of(schemaDocument);
        assertThat(schema.violations(sample)).as(type + " sample against its schema").isEmpty();
        assertThat(JsonSchema.paths(events.get(0))).as(type + ": members = the golden sample's")
                .isEqualTo(JsonSchema.paths(sample));
        for (JsonNode event : events) {
            assertThat(schema.violations(event)).as(type + " against its schema: " + event).isEmpty();
            assertNoMobileOrIdNumber(type, event);
        }
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void theSchemaRefusesMissingExtraAndMistypedMembers(String type) {
        JsonSchema schema = JsonSchema.forEvent(type);
        ObjectNode missing = (ObjectNode) JsonSchema.sample(type).deepCopy();
        missing.remove("region");
        ObjectNode extra = (ObjectNode) JsonSchema.sample(type).deepCopy();
        extra.put("mobile", "13800000001");
        ObjectNode mistyped = (ObjectNode) JsonSchema.sample(type).deepCopy();
        mistyped.put("region", 341302);
        assertThat(schema.violations(missing)).isNotEmpty();
        assertThat(schema.violations(extra)).isNotEmpty();
        assertThat(schema.violations(mistyped)).isNotEmpty();
    }

    @Test
    void theContractsAreTheRegisteredTypesClosedAndFreeOfPersonalMembers() throws IOException {
        Set<String> contracts = new TreeSet<>();
        for (var resource : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:contracts/events/*.schema.json")) {
            contracts.add(resource.getFilename().replace(".schema.json", ""));
        }
        assertThat(contracts).containsExactlyInAnyOrderElementsOf(eventTypes().toList())
                .containsExactlyInAnyOrderElementsOf(registeredInSources());
        for (String type : contracts) {
            JsonNode schema = JsonSchema.resource("contracts/events/" + type + ".schema.json");
            List<String> open = new ArrayList<>();
            List<String> members = new ArrayList<>();
            walk(schema, "$", open, members);
            assertThat(open).as(type + ": objects that are not closed (additionalProperties: false)").isEmpty();
            assertThat(members).as(type).doesNotContainAnyElementsOf(PERSONAL);
            assertNoMobileOrIdNumber(type + " sample", JsonSchema.sample(type));
        }
    }

    private static void assertNoMobileOrIdNumber(String what, JsonNode event) {
        String text = event.toString();
        assertThat(MOBILE.matcher(text).find()).as(what + " holds a mobile number: " + text).isFalse();
        assertThat(ID_NUMBER.matcher(text).find()).as(what + " holds an ID number: " + text).isFalse();
    }

    private static void walk(JsonNode schema, String at, List<String> open, List<String> members) {
        if (!schema.isObject()) {
            return;
        }
        JsonNode type = schema.path("type");
        boolean object = type.isString() ? type.asString().equals("object")
                : type.isArray() && type.values().stream().anyMatch(t -> t.asString().equals("object"));
        if (object && schema.path("additionalProperties").asBoolean(true)) {
            open.add(at);
        }
        schema.path("properties").properties().forEach(p -> {
            members.add(p.getKey());
            walk(p.getValue(), at + "." + p.getKey(), open, members);
        });
        walk(schema.path("items"), at + "[]", open, members);
    }

    private static Set<String> registeredInSources() throws IOException {
        Pattern call = Pattern.compile("registerEvent\\(\\s*\"([^\"]+)\"");
        Set<String> types = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(source));
                while (m.find()) {
                    types.add(m.group(1));
                }
            }
        }
        assertThat(types).isNotEmpty();
        return types;
    }

    private static JsonNode resourceOrNull(String name) {
        try (InputStream in = EventContractsTest.class.getResourceAsStream("/contracts/events/" + name)) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
