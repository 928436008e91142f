package dev.onewindow.supervision.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.onewindow.platform.calendar.BundledCalendars;
import dev.onewindow.platform.calendar.Limit;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.events.AggregateRoot;
import dev.onewindow.platform.events.OutboxEntry;
import dev.onewindow.platform.events.OutboxMongoListener;
import dev.onewindow.platform.personal.UnifiedSocialCreditCode;
import dev.onewindow.platform.testkit.EventContracts;
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
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;


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
    void everyRegisteredEventMatchesItsSchemaAndHasTheGoldenSamplesMembers(String type) {
        EventContracts.assertMatchesContract(type, REGISTERED.get(type));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void theSchemaRefusesMissingExtraAndMistypedMembers(String type) {
        EventContracts.assertSchemaRefusesMissingExtraAndMistyped(type, "region", "mobile", "13800000001");
    }

    /**
     * The contracts are exactly the event types the module registers ({@code registerEvent("…")} anywhere in its
     * sources), every object in them is closed, and none has a member that could hold a person's mobile or ID
     * number, name, address or words — nor does any sample hold such a number.
     */
    @Test
    void theContractsAreTheRegisteredTypesClosedAndFreeOfPersonalMembers() {
        EventContracts.assertContractsAreTheRegisteredTypesClosedAndFreeOf(eventTypes().toList(), PERSONAL);
    }
}
