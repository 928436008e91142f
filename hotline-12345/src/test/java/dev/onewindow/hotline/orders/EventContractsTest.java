package dev.onewindow.hotline.orders;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.onewindow.hotline.config.HotlineProperties;
import dev.onewindow.hotline.hotspot.Hotspot;
import dev.onewindow.platform.calendar.BundledCalendars;
import dev.onewindow.platform.calendar.ClockThresholds;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.events.AggregateRoot;
import dev.onewindow.platform.events.OutboxEntry;
import dev.onewindow.platform.events.OutboxMongoListener;
import dev.onewindow.platform.personal.LookupHasher;
import dev.onewindow.platform.security.Roles;
import dev.onewindow.platform.testkit.EventContracts;
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
 * Every event type hotline-12345 registers has a published contract under {@code src/main/resources/contracts/events/}
 * — a JSON Schema and a golden sample — and what the aggregates really register matches it. The work orders are
 * driven through every transition (no Spring, no database); each registered event is rendered exactly as the
 * platform renders it for the relay ({@link OutboxMongoListener}, with Spring Boot's JSON settings), checked against
 * its schema, and its members compared with the golden sample's. No contract has room for the caller's mobile or ID
 * number, and no event carries one.
 */
class EventContractsTest {

    /** Spring Boot's {@code JsonMapper} as it serialises (dates and durations as ISO-8601 text). */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS, DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();
    private static final OutboxMongoListener RENDERER = new OutboxMongoListener(JSON, null);

    /** Member names that would mean the caller's identity leaked into an event. */
    private static final Set<String> PERSONAL = Set.of("mobile", "mobileNumber", "mobileMasked", "mobileSealed",
            "phone", "telephone", "idNumber", "idCard", "callerName", "name", "caller", "address", "location", "lat",
            "lng", "text", "reply");

    private static final String CALLER_MOBILE = "13800000001";
    private static final LookupHasher HASHER = new LookupHasher("b25ld2luZG93LWRldi1sb29rdXAta2V5LTMyYnl0ZXM=");
    private static final WorkOrderRules RULES = new WorkOrderRules(BundledCalendars.official(),
            ClockThresholds.DEFAULTS, HotlineProperties.Deadlines.DEFAULTS);

    private static final Actor AGENT = new Actor("8b0d3c1e-agent1", "agent1", Set.of(Roles.HOTLINE_AGENT), "SJZYJ");
    private static final Actor DISPATCHER = new Actor("5d2f7a90-dispatcher1", "dispatcher1",
            Set.of(Roles.HOTLINE_DISPATCHER), "SJZYJ");

    /** Every event registered, by type in the order registered; the first of each type is compared with the sample. */
    private static final Map<String, List<JsonNode>> REGISTERED = new LinkedHashMap<>();

    static Stream<String> eventTypes() {
        return Stream.of("workorder.registered", "workorder.answered", "workorder.dispatched", "workorder.signed",
                "workorder.returned", "workorder.started", "workorder.extension-requested",
                "workorder.extension-decided", "workorder.replied", "workorder.callback-recorded",
                "workorder.closed", "workorder.reopened", "workorder.escalated", "workorder.merged",
                "hotspot.detected");
    }

    @BeforeAll
    static void driveEveryTransition() {
        // A: a complaint about construction noise at night, through the whole loop, reopened twice (督办 after the
        // second unsatisfied callback), with a duplicate merged into it
        WorkOrder a = register("0b7e4c2a-5f1d-4e8a-9c3b-2d6f8a1e7b40", "1234520260302000001", DemandType.COMPLAINT,
                "ENV-NOISE-CONSTRUCTION", List.of("ENV", "ENV-NOISE", "ENV-NOISE-CONSTRUCTION"), Urgency.NORMAL,
                List.of(), at(2026, 3, 2, 9, 0));
        a.dispatch(DISPATCHER, "ZRZYJ", List.of("GAJ"), "RULE", RULES, at(2026, 3, 2, 9, 12));
        a.sign(handler("ZRZYJ"), RULES, at(2026, 3, 2, 10, 5));
        a.sign(handler("GAJ"), RULES, at(2026, 3, 2, 10, 40));
        WorkOrder m = register("6c1a9e3d-2b7f-4d5c-8e0a-9f3b1c7d5e62", "1234520260302000007", DemandType.COMPLAINT,
                "ENV-NOISE-CONSTRUCTION", List.of("ENV", "ENV-NOISE", "ENV-NOISE-CONSTRUCTION"), Urgency.NORMAL,
                List.of(a.orderNo()), at(2026, 3, 2, 22, 30));
        m.mergeInto(DISPATCHER, a, RULES, at(2026, 3, 3, 8, 45));
        a.acceptMerged(m);
        a.start(handler("ZRZYJ"), RULES, at(2026, 3, 3, 9, 30));
        a.requestExtension(handler("ZRZYJ"), 3, "需协调施工单位调整夜间作业计划并现场复测", RULES,
                at(2026, 3, 5, 16, 0));
        a.decideExtension(DISPATCHER, true, "同意延期3个工作日", RULES, at(2026, 3, 5, 17, 0));
        a.reply(handler("ZRZYJ"), "已责令施工单位停止22时后高噪声作业，并安排夜间巡查。", RULES,
                at(2026, 3, 10, 15, 0));
        m.replyWithPrimary(a.reply(), a.replyDepartment(), RULES, at(2026, 3, 10, 15, 1));
        a.recordCallback(AGENT, CallbackResult.UNSATISFIED, "夜间仍有施工", RULES, at(2026, 3, 11, 10, 0));
        a.reply(handler("ZRZYJ"), "已对施工单位立案调查，夜间施工已停止。", RULES, at(2026, 3, 16, 11, 0));
        a.recordCallback(AGENT, CallbackResult.UNSATISFIED, "问题反复出现", RULES, at(2026, 3, 17, 9, 30));
        a.reply(handler("ZRZYJ"), "施工单位已整改，连续三晚复测达标。", RULES, at(2026, 3, 20, 16, 0));
        a.recordCallback(AGENT, CallbackResult.SATISFIED, null, RULES, at(2026, 3, 23, 10, 0));
        a.close(AGENT, RULES, at(2026, 3, 23, 10, 5));
        collect(a);
        collect(m);

        // B: a consultation answered from the knowledge base (直接答复), which also ends it
        WorkOrder b = register("3e5b7d9f-1a2c-4e6d-8f0b-4c6e8a0b2d14", "1234520260302000003", DemandType.CONSULTATION,
                "CONSULT-SOCIAL", List.of("CONSULT", "CONSULT-SOCIAL"), Urgency.NORMAL, List.of(),
                at(2026, 3, 2, 9, 20));
        b.answer(AGENT, "KB-0001", "灵活就业人员可携带身份证到社保经办窗口或线上办理参保登记。", RULES,
                at(2026, 3, 2, 9, 24));
        collect(b);

        // R: an urgent food-safety report returned by the district bureau (wrong owner) and re-dispatched by hand
        WorkOrder r = register("9a4c6e8b-0d2f-4b1a-8c3e-5f7a9b1d3c86", "1234520260302000004", DemandType.REPORT,
                "MARKET-FOOD", List.of("MARKET", "MARKET-FOOD"), Urgency.URGENT, List.of(), at(2026, 3, 2, 11, 0));
        r.dispatch(DISPATCHER, "YQSCJGJ", List.of(), "RULE", RULES, at(2026, 3, 2, 11, 3));
        r.returnOrder(handler("YQSCJGJ"), "经核实涉事门店不在埇桥区，不属本局辖区", RULES, at(2026, 3, 2, 11, 20));
        r.dispatch(DISPATCHER, "SCJGJ", List.of(), "DISPATCHER", RULES, at(2026, 3, 2, 11, 25));
        r.sign(handler("SCJGJ"), RULES, at(2026, 3, 2, 11, 40));
        collect(r);

        // H: a helper (协办) replies its part; a refused extension request
        WorkOrder h = register("2f8d0b6e-4c1a-4a9e-9d7b-1e3c5a7f9b28", "1234520260302000005", DemandType.HELP,
                "CITY-ROAD", List.of("CITY", "CITY-ROAD"), Urgency.HIGH, List.of(), at(2026, 3, 2, 14, 0));
        h.dispatch(DISPATCHER, "ZRZYJ", List.of("GAJ"), "DISPATCHER", RULES, at(2026, 3, 2, 14, 10));
        h.sign(handler("ZRZYJ"), RULES, at(2026, 3, 2, 14, 30));
        h.sign(handler("GAJ"), RULES, at(2026, 3, 2, 14, 35));
        h.reply(handler("GAJ"), "已在现场设置警示标志。", RULES, at(2026, 3, 2, 16, 0));
        h.requestExtension(handler("ZRZYJ"), 12, "需等待管线单位配合施工", RULES, at(2026, 3, 2, 17, 0));
        h.decideExtension(DISPATCHER, false, null, RULES, at(2026, 3, 2, 17, 30));
        collect(h);

        // a hot spot: the record the detector registers (its construction is the detector's own business)
        REGISTERED.computeIfAbsent("hotspot.detected", t -> new ArrayList<>()).add(JSON.readTree(
                JSON.writeValueAsString(new Hotspot.HotspotDetected("ENV-NOISE-SOCIAL|341302|2026030221",
                        "ENV-NOISE-SOCIAL", List.of("ENV", "ENV-NOISE", "ENV-NOISE-SOCIAL"), "341302",
                        Instant.parse("2026-03-02T13:00:00Z"), 9, 1.4285714285714286, 3.0, 5,
                        Instant.parse("2026-03-02T13:41:07Z")))));
    }

    private static WorkOrder register(String id, String orderNo, DemandType type, String category,
            List<String> path, Urgency urgency, List<String> duplicateOf, Instant now) {
        CallerInfo caller = new CallerInfo(false, "王*", "138****0001", "sealed", HASHER.hash(CALLER_MOBILE), false,
                null, null);
        WorkOrder.Draft draft = new WorkOrder.Draft(id, orderNo, IntakeChannel.PHONE, caller, type, category, path,
                "埇桥区银河一路20号", "341302", new Location(33.6468, 116.9641), urgency, "来电反映：" + CALLER_MOBILE);
        return WorkOrder.register(draft, AGENT, Roles.HOTLINE_AGENT, duplicateOf, RULES, now);
    }

    private static Actor handler(String department) {
        return new Actor("handler-" + department, "handler-" + department.toLowerCase(),
                Set.of(Roles.DEPT_HANDLER), department);
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(WorkingDayCalendar.ZONE).toInstant();
    }

    /** Renders the aggregate's pending events as the platform does before the save the relay publishes from. */
    private static void collect(AggregateRoot aggregate) {
        RENDERER.onBeforeConvert(new BeforeConvertEvent<>(aggregate, "work_orders"));
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
        EventContracts.assertSchemaRefusesMissingExtraAndMistyped(type, "region", "mobile", CALLER_MOBILE);
    }

    /**
     * The contracts are exactly the event types the module registers ({@code registerEvent("…")} anywhere in its
     * sources), every object in them is closed, and none has a member that could hold the caller's mobile or ID
     * number, name, address or words — nor does any sample hold such a number.
     */
    @Test
    void theContractsAreTheRegisteredTypesClosedAndFreeOfPersonalMembers() {
        EventContracts.assertContractsAreTheRegisteredTypesClosedAndFreeOf(eventTypes().toList(), PERSONAL);
    }

    /** The caller's number was in the order's text and the hash of it is on the events: neither shows. */
    @Test
    void theCallersNumberIsOnNoEventOnlyItsKeyedHash() {
        String hash = HASHER.hash(CALLER_MOBILE);
        for (Map.Entry<String, List<JsonNode>> type : REGISTERED.entrySet()) {
            for (JsonNode event : type.getValue()) {
                assertThat(event.toString()).as(type.getKey()).doesNotContain(CALLER_MOBILE).doesNotContain("来电反映");
                if (event.has("callerRef")) {
                    assertThat(event.get("callerRef").asString()).isEqualTo(hash);
                }
            }
        }
    }
}
