package dev.onewindow.elicense.license;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.onewindow.platform.testkit.JsonSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each event type's JSON Schema and golden sample ({@code contracts/events/}) against what the event records
 * serialise to. The integration tests check the events that actually reach the topic against the same schemas.
 */
class EventContractsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Names that would mean personal data leaked into an event. */
    private static final Set<String> PERSONAL = Set.of("fields", "holderRef", "idNumber", "name", "holderName",
            "legalRepresentative", "owner", "holderDisplayName", "purpose", "reader");

    static Map<String, Object> events() {
        return Map.of(
                "license.issued", new LicenseIssued("SPJYXKZ34130000000001", "SPJYXKZ", 1, "6650f0c2a1b2c3d4e5f60718",
                        null, "SCJGJ", "341300", LocalDate.parse("2026-03-02"), LocalDate.parse("2031-03-01")),
                "license.revoked", new LicenseRevoked("SPJYXKZ34130000000001", "SPJYXKZ", "SCJGJ", "341300",
                        "SPJYXKZ34130000000002"),
                "license.suspended", new LicenseSuspended("YYZZ34130000000007", "YYZZ", "SCJGJ", "341300"),
                "license.reinstated", new LicenseReinstated("YYZZ34130000000007", "YYZZ", "SCJGJ", "341300"),
                "license.expired", new LicenseExpired("JZZ34130000000003", "JZZ", "GAJ", "341300",
                        LocalDate.parse("2027-03-01")),
                "license.used", new LicenseUsed("JMSFZ34130000000001", "JMSFZ", "GAJ", "341300", "SCJGJ",
                        "3413002026030200000012", License.CHANNEL_AUTHORIZATION, List.of("name", "birthDate"),
                        List.of("name", "birthDate")));
    }

    static List<String> types() {
        return List.copyOf(new java.util.TreeSet<>(events().keySet()));
    }

    @ParameterizedTest
    @MethodSource("types")
    void theSerialisedEventIsTheGoldenSampleAndBothMatchTheSchema(String type) {
        JsonSchema schema = JsonSchema.forEvent(type);
        JsonNode sample = JsonSchema.sample(type);
        JsonNode serialised = JSON.readTree(JSON.writeValueAsString(events().get(type)));

        assertThat(serialised).isEqualTo(sample);
        assertThat(schema.violations(sample)).isEmpty();
        assertThat(schema.violations(serialised)).isEmpty();
        JsonSchema.resource("contracts/events/" + type + ".schema.json").get("properties").propertyNames()
                .forEach(name -> assertThat(PERSONAL).doesNotContain(name));
    }

    /**
     * Every event type e-license publishes has a contract tested here, and no contract has room for personal data:
     * each is closed ({@code additionalProperties: false}) and names none of the licence catalogue's personal face
     * fields, nor the holder, nor a face.
     */
    @Test
    void everyContractIsTestedClosedAndFreeOfPersonalFields() throws java.io.IOException {
        Set<String> contracts = new java.util.TreeSet<>();
        for (var resource : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath*:contracts/events/*.schema.json")) {
            contracts.add(resource.getFilename().replace(".schema.json", ""));
        }
        assertThat(contracts).containsExactlyInAnyOrderElementsOf(events().keySet());

        Set<String> personal = new java.util.TreeSet<>(PERSONAL);
        JsonSchema.resource("seed/license-types.json").values().forEach(type -> type.get("fields").values()
                .forEach(field -> {
                    if (field.get("personal").asBoolean()) {
                        personal.add(field.get("name").asString());
                    }
                }));
        assertThat(personal).contains("residenceAddress", "motherIdNumber", "spouseName");
        for (String type : contracts) {
            JsonNode schema = JsonSchema.resource("contracts/events/" + type + ".schema.json");
            assertThat(schema.get("additionalProperties").asBoolean(true)).as(type + " is closed").isFalse();
            assertThat(schema.get("properties").propertyNames()).as(type).doesNotContainAnyElementsOf(personal);
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void theSchemaRejectsMissingExtraAndMistypedFields(String type) {
        JsonSchema schema = JsonSchema.forEvent(type);
        var missing = (tools.jackson.databind.node.ObjectNode) JsonSchema.sample(type).deepCopy();
        missing.remove("licenseId");
        var extra = (tools.jackson.databind.node.ObjectNode) JsonSchema.sample(type).deepCopy();
        extra.put("idNumber", "341302199003071234");
        var mistyped = (tools.jackson.databind.node.ObjectNode) JsonSchema.sample(type).deepCopy();
        mistyped.put("region", 341300);

        assertThat(schema.violations(missing)).isNotEmpty();
        assertThat(schema.violations(extra)).isNotEmpty();
        assertThat(schema.violations(mistyped)).isNotEmpty();
    }
}
