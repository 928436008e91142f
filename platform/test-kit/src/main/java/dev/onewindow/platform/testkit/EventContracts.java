package dev.onewindow.platform.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks a producer's {@code EventContractsTest} makes of the events its aggregates really register against the
 * contracts it publishes under {@code src/main/resources/contracts/events/} (a JSON Schema and a golden sample per
 * type, docs/service-contracts.md). The module drives its aggregates and renders their events as the platform does
 * for the relay; these checks are the same everywhere, so they live here once.
 */
public final class EventContracts {

    /** A mainland mobile number or an 18-character resident ID number standing on its own. */
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[0-9]{17}[0-9X](?![0-9])");
    private static final Pattern REGISTER_EVENT = Pattern.compile("registerEvent\\(\\s*\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventContracts() {
    }

    /**
     * The rendered events of {@code type} match its contract: the golden sample and the schema exist (a missing
     * sample is drafted under {@code target/contract-drafts} from the first event, for a person to review), the sample
     * passes the schema, the first event has exactly the sample's member paths, and every event passes the schema
     * with the sample's top-level members, and holds no mobile or ID number.
     */
    public static void assertMatchesContract(String type, List<JsonNode> events) {
        assertThat(events).as("an event of type " + type + " was registered").isNotEmpty();
        JsonNode sample = resourceOrNull(type + ".sample.json");
        if (sample == null) {
            draft(type, events.get(0));
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
            assertThat(new TreeSet<>(event.propertyNames())).as(type + ": members = the golden sample's")
                    .isEqualTo(new TreeSet<>(sample.propertyNames()));
            assertNoMobileOrIdNumber(type, event);
        }
    }

    /**
     * The schema of {@code type} refuses its golden sample without {@code member}, with {@code member} mistyped (a
     * number where the contract has text), and with an extra member {@code extra} set to {@code extraValue}.
     */
    public static void assertSchemaRefusesMissingExtraAndMistyped(String type, String member, String extra,
            String extraValue) {
        JsonSchema schema = JsonSchema.forEvent(type);
        ObjectNode missing = (ObjectNode) JsonSchema.sample(type).deepCopy();
        missing.remove(member);
        ObjectNode extraMember = (ObjectNode) JsonSchema.sample(type).deepCopy();
        extraMember.put(extra, extraValue);
        ObjectNode mistyped = (ObjectNode) JsonSchema.sample(type).deepCopy();
        mistyped.put(member, 341302);

        assertThat(schema.violations(missing)).as(type + " without " + member).isNotEmpty();
        assertThat(schema.violations(extraMember)).as(type + " with " + extra).isNotEmpty();
        assertThat(schema.violations(mistyped)).as(type + " with " + member + " a number").isNotEmpty();
    }

    /**
     * The published contracts are exactly {@code exercised} (the types the test drove) and the types passed to
     * {@code registerEvent("…")} in the module's main sources; every object of every schema is closed
     * ({@code additionalProperties: false}); no schema has a member named like one of {@code personalMembers}; no
     * sample has such a member or holds a mobile or ID number.
     */
    public static void assertContractsAreTheRegisteredTypesClosedAndFreeOf(Collection<String> exercised,
            Set<String> personalMembers) {
        Set<String> contracts = contractTypes();
        assertThat(contracts).containsExactlyInAnyOrderElementsOf(exercised)
                .containsExactlyInAnyOrderElementsOf(registeredInSources());
        for (String type : contracts) {
            JsonNode schema = JsonSchema.resource("contracts/events/" + type + ".schema.json");
            List<String> open = new ArrayList<>();
            List<String> members = new ArrayList<>();
            walk(schema, "$", open, members);
            assertThat(open).as(type + ": objects that are not closed (additionalProperties: false)").isEmpty();
            assertThat(members).as(type).doesNotContainAnyElementsOf(personalMembers);
            JsonNode sample = JsonSchema.sample(type);
            assertThat(JsonSchema.paths(sample)).as(type + " sample").noneMatch(path -> personalMembers.contains(
                    path.substring(path.lastIndexOf('.') + 1).replace("[]", "")));
            assertNoMobileOrIdNumber(type + " sample", sample);
        }
    }

    /** The event types with a published schema on the class path. */
    public static Set<String> contractTypes() {
        Set<String> contracts = new TreeSet<>();
        try {
            for (var resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:contracts/events/*.schema.json")) {
                contracts.add(resource.getFilename().replace(".schema.json", ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return contracts;
    }

    /** Neither a mobile number nor an 18-character ID number anywhere in {@code event}. */
    public static void assertNoMobileOrIdNumber(String what, JsonNode event) {
        String text = event.toString();
        assertThat(MOBILE.matcher(text).find()).as(what + " holds a mobile number: " + text).isFalse();
        assertThat(ID_NUMBER.matcher(text).find()).as(what + " holds an ID number: " + text).isFalse();
    }

    /** Every object schema, with or without a {@code properties} list, must forbid members it does not name. */
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
        schema.path("$defs").properties().forEach(d -> walk(d.getValue(), at + ".$defs." + d.getKey(), open,
                members));
        walk(schema.path("items"), at + "[]", open, members);
    }

    /** The types passed to {@code registerEvent("…")} in the module's main sources (the tests run in the module). */
    private static Set<String> registeredInSources() {
        Set<String> types = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = REGISTER_EVENT.matcher(Files.readString(source));
                while (m.find()) {
                    types.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(types).as("registerEvent calls found in src/main/java").isNotEmpty();
        return types;
    }

    private static void draft(String type, JsonNode event) {
        try {
            Path draft = Path.of("target", "contract-drafts", type + ".sample.json");
            Files.createDirectories(draft.getParent());
            Files.writeString(draft, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode resourceOrNull(String name) {
        try (InputStream in = EventContracts.class.getResourceAsStream("/contracts/events/" + name)) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
