package dev.onewindow.dataexchange.contracts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.onewindow.dataexchange.accesslog.AccessLogEntry;
import dev.onewindow.dataexchange.accesslog.ChainHash;
import dev.onewindow.dataexchange.accesslog.Checkpoint;
import dev.onewindow.dataexchange.accesslog.HeadSigner;
import dev.onewindow.dataexchange.accesslog.Outcome;
import dev.onewindow.dataexchange.datasets.DatasetRecord;
import dev.onewindow.dataexchange.grants.Grant;
import dev.onewindow.dataexchange.objections.Objection;
import dev.onewindow.dataexchange.objections.Resolution;
import dev.onewindow.dataexchange.resources.DataResource;
import dev.onewindow.dataexchange.sharing.ShareRequest;
import dev.onewindow.dataexchange.support.Fixtures;
import dev.onewindow.platform.calendar.BundledCalendars;
import dev.onewindow.platform.calendar.Limit;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.events.AggregateRoot;
import dev.onewindow.platform.events.OutboxEntry;
import dev.onewindow.platform.events.OutboxMongoListener;
import dev.onewindow.platform.testkit.EventContracts;
import dev.onewindow.platform.testkit.JsonSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type data-exchange registers has a published contract under {@code src/main/resources/contracts/events/}
 * — a JSON Schema and a golden sample — and what the aggregates really register matches it. Resources, share requests,
 * grants, dataset records, objections, access-log entries and checkpoints are driven through their transitions (no
 * Spring, no database) with personal values in play; each registered event is rendered as the platform renders it
 * for the relay, checked against its schema and the golden sample's members, and searched for those values.
 */
class EventContractsTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS, DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();
    private static final OutboxMongoListener RENDERER = new OutboxMongoListener(JSON, null);
    private static final WorkingDayCalendar CALENDAR = BundledCalendars.official();

    /** Member names that would mean a personal value leaked into an event. */
    private static final Set<String> PERSONAL = Set.of("mobile", "idNumber", "name", "key", "recordKey",
            "keyValue", "description", "reply", "value0");

    private static final Map<String, List<JsonNode>> REGISTERED = new LinkedHashMap<>();

    static Stream<String> eventTypes() {
        return Stream.of("resource.registered", "share.requested", "share.granted", "share.rejected",
                "grant.revoked", "grant.expired", "data.accessed", "dataset.changed", "objection.raised",
                "objection.resolved", "access-log.sealed");
    }

    @BeforeAll
    static void driveEveryTransition() {
        Instant monday = at(2026, 3, 2, 10, 0);
        DataResource sb = Fixtures.socialInsurance(monday);
        collect(sb);
        // a conditional request granted with fewer fields (its purpose names a person: masked on the event)
        ShareRequest granted = ShareRequest.file("5b0e2a1c-7d3f-4e4a-9b6c-1f2e3d4c5b6a", sb, "WSJKW", "341300",
                "steward-wsjkw", new ShareRequest.Ask(List.of("idNumber", "name", "insuredStatus", "monthlyBase"),
                        List.of("name"), "核验张伟(341302199003071234)参保状态", "《社会救助暂行办法》第二十八条",
                        monday.plus(Duration.ofDays(365)), 60), Limit.workingDays(10), CALENDAR, monday);
        Grant grant = Grant.issue(granted.id(), granted.termsApproved(sb, new ShareRequest.Approval(
                List.of("idNumber", "name", "insuredStatus"), List.of("name"), null, null),
                monday.plus(Duration.ofDays(365)), 60, Duration.ofMinutes(1)), at(2026, 3, 10, 15, 0));
        granted.granted(grant, "steward-rsj", CALENDAR, at(2026, 3, 10, 15, 0));
        collect(granted);
        ShareRequest rejected = ShareRequest.file("7c2e4a6b-8d0f-4a1c-9e5b-3d5f7a9c1e24", sb, "ZRZYJ", "341300",
                "steward-zrzyj", new ShareRequest.Ask(List.of("insuredStatus"), List.of(), "不动产登记核验",
                        "《不动产登记暂行条例》", monday.plus(Duration.ofDays(30)), null), Limit.workingDays(10),
                CALENDAR, monday);
        rejected.reject("steward-rsj", "用途与参保信息无关；联系13800000001", CALENDAR, at(2026, 3, 20, 9, 0));
        collect(rejected);

        // the dataset changes: the subscriber hears of the granted fields only, never a personal value
        DatasetRecord record = DatasetRecord.create("9e3f5b7d-1c2a-4e6f-8a0b-4d6f8b0d2f35", sb, "k".repeat(43));
        record.apply(sb, Map.of("insuranceType", "城镇职工基本养老保险", "insuredStatus", "正常参保"),
                Map.of("idNumber", new DatasetRecord.Sealed("ciphertext-id", "d1"), "name",
                        new DatasetRecord.Sealed("ciphertext-name", "d2")), List.of(), monday);
        record.apply(sb, Map.of("insuranceType", "城镇职工基本养老保险", "insuredStatus", "暂停缴费"),
                Map.of("idNumber", new DatasetRecord.Sealed("ciphertext-id", "d1"), "name",
                        new DatasetRecord.Sealed("ciphertext-name2", "d3")),
                List.of(new DatasetRecord.Subscriber("3f5a7c9e-1b2d-4f6a-8c0e-2d4f6a8c0e13", grant)),
                at(2026, 3, 11, 9, 0));
        collect(record);

        // an access logged, a checkpoint sealed
        AccessLogEntry entry = AccessLogEntry.link(ChainHash.sha256(), 3, 42, "a".repeat(64),
                new AccessLogEntry.Draft("WSJKW", "wsjkw-exchange", grant.id(), sb.code(), "RSJ", "341300",
                        "医疗救助对象参保状态核验", List.of("idNumber"), "q".repeat(43), Outcome.OK, null, 1,
                        "b".repeat(64)), at(2026, 3, 11, 10, 0));
        collect(entry);
        collect(Checkpoint.seal("2d4f6a8c-0e13-4f5a-9c1e-3f5a7c9e1b2d", at(2026, 3, 11, 10, 1),
                List.of(new Checkpoint.Head(0, 0, ChainHash.GENESIS), new Checkpoint.Head(3, 42, entry.hash())),
                new HeadSigner(Fixtures.properties())));

        // an objection raised and answered on time; the grant revoked; another expired
        Objection objection = Objection.raise("4e6f8a0b-2c3d-4e5f-8a9b-0c1d2e3f4a5b", grant, entry.id(), "ciphertext-key",
                List.of("insuredStatus"), "张伟已于2026年1月停保，电话13800000001", "wsjkw-exchange",
                Limit.workingDays(5), CALENDAR, at(2026, 3, 11, 11, 0));
        objection.resolve(Resolution.CORRECTED, "已更正并重新推送", "steward-rsj", CALENDAR, at(2026, 3, 13, 16, 0));
        collect(objection);
        grant.revoke("steward-rsj", "用途已完成", at(2026, 4, 1, 9, 0));
        collect(grant);
        Grant short_ = Grant.issue("6a8c0e13-2d4f-4a5b-8c9d-1e2f3a4b5c6d", new Grant.Terms(sb.code(), "RSJ", "WSJKW",
                "341300", List.of("insuredStatus"), List.of(), "核验", "依据", at(2026, 3, 31, 0, 0), 60,
                Duration.ofMinutes(1)), monday);
        short_.expire(at(2026, 3, 31, 0, 5));
        collect(short_);
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(WorkingDayCalendar.ZONE).toInstant();
    }

    private static void collect(AggregateRoot aggregate) {
        RENDERER.onBeforeConvert(new BeforeConvertEvent<>(aggregate, "data-exchange"));
        for (OutboxEntry entry : aggregate.pendingEvents()) {
            REGISTERED.computeIfAbsent(entry.type(), t -> new ArrayList<>()).add(JSON.readTree(entry.data()));
        }
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everyRegisteredEventMatchesItsSchemaAndHasTheGoldenSamplesMembers(String type) {
        EventContracts.assertMatchesContract(type, REGISTERED.get(type));
        for (JsonNode event : REGISTERED.get(type)) {
            assertNoPersonalValue(type, event);
        }
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void theSchemaRefusesMissingExtraAndMistypedMembers(String type) {
        EventContracts.assertSchemaRefusesMissingExtraAndMistyped(type,
                JsonSchema.sample(type).propertyNames().iterator().next(), "idNumber", "341302199003071234");
    }

    /** What a subscriber hears is limited to its grant: a changed field outside the grant is not named at all. */
    @Test
    void aDatasetChangeNamesOnlyGrantedFieldsAndNoPersonalValue() {
        JsonNode changed = REGISTERED.get("dataset.changed").get(0);
        assertThat(changed.path("changedFields").toString()).isEqualTo("[\"name\",\"insuredStatus\"]");
        assertThat(changed.path("values").toString()).isEqualTo("[{\"field\":\"insuredStatus\",\"value\":\"暂停缴费\"}]");
        assertThat(changed.path("personalFieldsChanged").toString()).isEqualTo("[\"name\"]");
        assertThat(changed.toString()).doesNotContain("insuranceType").doesNotContain("ciphertext-name2");
    }

    @Test
    void theContractsAreTheRegisteredTypesClosedAndFreeOfPersonalMembers() {
        EventContracts.assertContractsAreTheRegisteredTypesClosedAndFreeOf(eventTypes().toList(), PERSONAL);
        for (String type : EventContracts.contractTypes()) {
            assertNoPersonalValue(type + " sample", JsonSchema.sample(type));
        }
    }

    /** Beyond numbers: the names and sealed values the aggregates were driven with. */
    private static void assertNoPersonalValue(String what, JsonNode event) {
        assertThat(event.toString()).as(what).doesNotContain("张伟").doesNotContain("ciphertext");
    }
}
