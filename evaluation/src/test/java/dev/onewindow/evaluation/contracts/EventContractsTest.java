package dev.onewindow.evaluation.contracts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.onewindow.evaluation.appeals.Appeal;
import dev.onewindow.evaluation.appeals.AppealGround;
import dev.onewindow.evaluation.ratings.Rating;
import dev.onewindow.evaluation.ratings.RatingChannel;
import dev.onewindow.evaluation.ratings.Stage;
import dev.onewindow.evaluation.ratings.SubjectType;
import dev.onewindow.evaluation.rectifications.FeedbackResult;
import dev.onewindow.evaluation.rectifications.Rectification;
import dev.onewindow.platform.calendar.BundledCalendars;
import dev.onewindow.platform.calendar.Limit;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.events.AggregateRoot;
import dev.onewindow.platform.events.OutboxEntry;
import dev.onewindow.platform.events.OutboxMongoListener;
import dev.onewindow.platform.testkit.EventContracts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;


/**
 * Every event type evaluation registers has a published contract under {@code src/main/resources/contracts/events/}
 * — a JSON Schema and a golden sample — and what the aggregates really register matches it. Ratings,
 * rectifications and appeals are driven through every transition (no Spring, no database); each registered event is
 * rendered exactly as the platform renders it for the relay, checked against its schema, and its members compared
 * with the golden sample's. No contract has room for the rater's identity, and no event carries a number.
 */
class EventContractsTest {

    /** Spring Boot's {@code JsonMapper} as it serialises (dates and durations as ISO-8601 text). */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS, DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();
    private static final OutboxMongoListener RENDERER = new OutboxMongoListener(JSON, null);

    /** Member names that would mean the rater's identity or words leaked into an event. */
    private static final Set<String> PERSONAL = Set.of("mobile", "mobileNumber", "contactMobile", "contact",
            "contactSealed", "phone", "telephone", "idNumber", "idCard", "name", "raterRefs", "subject", "text",
            "comment", "note", "followUp", "feedback");

    /** The rater wrote this number; it must never reach an event. */
    private static final String CALLER_MOBILE = "13800000001";
    private static final WorkingDayCalendar CALENDAR = BundledCalendars.official();
    private static final Set<String> REASONS = Set.of("SLOW", "REPEATED_VISITS", "ATTITUDE");

    /** Every event registered, by type in the order registered; the first of each type is compared with the sample. */
    private static final Map<String, List<JsonNode>> REGISTERED = new LinkedHashMap<>();

    static Stream<String> eventTypes() {
        return Stream.of("rating.invited", "rating.reminded", "rating.submitted", "rectification.opened",
                "rectification.completed", "rectification.overdue", "rectification.escalated", "appeal.filed",
                "appeal.decided", "appeal.overdue");
    }

    @BeforeAll
    static void driveEveryTransition() {
        // A: a case approved, reminded, rated bad; the rectification is overdue, fed back, reopened, escalated
        Rating a = invite("5b0e2a1c-7d3f-3e4a-9b6c-1f2e3d4c5b6a", at(2026, 3, 2, 10, 0));
        a.remind(at(2026, 3, 5, 10, 1));
        a.rate(new Rating.Answer(2, List.of("SLOW", "REPEATED_VISITS"), "电话13800000001", RatingChannel.MOBILE_APP,
                null, true), "sealed", REASONS, at(2026, 3, 6, 11, 0));
        collect(a);
        Rectification r = Rectification.open("8d1c3e5f-2a4b-4c6d-8e0f-1a3b5c7d9e02", source(a), Limit.workingDays(5),
                CALENDAR, at(2026, 3, 6, 11, 0));
        r.raiseOverdue(CALENDAR, at(2026, 3, 14, 0, 5));
        r.recordCallback("handler-scjgj", true, "已联系13800000001", at(2026, 3, 16, 9, 0));
        r.feedBack("handler-scjgj", FeedbackResult.RECTIFIED, "已整改", Limit.workingDays(5), CALENDAR, at(2026, 3, 16, 15, 0));
        r.confirm(false, "仍不满意", Limit.workingDays(5), CALENDAR, at(2026, 3, 17, 9, 0));
        r.recordCallback("handler-scjgj", true, null, at(2026, 3, 18, 9, 0));
        r.feedBack("handler-scjgj", FeedbackResult.EXPLAINED, "已解释", Limit.workingDays(5), CALENDAR, at(2026, 3, 18, 15, 0));
        r.confirm(false, null, Limit.workingDays(5), CALENDAR, at(2026, 3, 19, 9, 0));
        collect(r);

        // B: a rating at the window, bad, rectified and confirmed; C: its appeal upheld
        Rating b = invite("7c2e4a6b-8d0f-3a1c-9e5b-3d5f7a9c1e24", at(2026, 3, 2, 10, 0));
        b.rate(new Rating.Answer(1, List.of("ATTITUDE"), null, RatingChannel.SERVICE_HALL, "officer-scjgj", false),
                null, REASONS, at(2026, 3, 2, 10, 5));
        collect(b);
        Rectification rb = Rectification.open("9e3f5b7d-1c2a-4e6f-8a0b-4d6f8b0d2f35", source(b), Limit.workingDays(5),
                CALENDAR, at(2026, 3, 2, 10, 5));
        rb.feedBack("handler-scjgj", FeedbackResult.RECTIFIED, "已整改", Limit.workingDays(5), CALENDAR, at(2026, 3, 4, 15, 0));
        rb.confirm(true, null, Limit.workingDays(5), CALENDAR, at(2026, 3, 5, 9, 0));
        collect(rb);
        Appeal appeal = Appeal.file("3f5a7c9e-1b2d-4f6a-8c0e-2d4f6a8c0e13", b.id(), rb.id(), "341300", "SCJGJ",
                b.ratedAt(), AppealGround.MALICIOUS, "恶意差评", "handler-scjgj", Limit.workingDays(3),
                Limit.workingDays(5), CALENDAR, at(2026, 3, 3, 10, 0));
        appeal.decide(true, "属实", "evaladmin1", CALENDAR, at(2026, 3, 6, 14, 0));
        collect(appeal);

        // D: an appeal of A's rating nobody decides in time
        Appeal late = Appeal.file("4a6b8c0d-2e3f-4a5b-8c7d-9e0f1a2b3c4d", a.id(), r.id(), "341300", "SCJGJ",
                at(2026, 3, 6, 11, 0), AppealGround.ERRONEOUS, "误评", "handler-scjgj", Limit.workingDays(3),
                Limit.workingDays(5), CALENDAR, at(2026, 3, 9, 10, 0));
        late.raiseOverdue(CALENDAR, at(2026, 3, 17, 8, 5));
        late.raiseOverdue(CALENDAR, at(2026, 3, 17, 9, 5));
        collect(late);

        // E: a 12345 caller known only by the number, invited and reminded with texted rating codes
        Rating e = Rating.invite("6d8f0b2c-4e6a-3c8e-9f1b-5a7c9e1f3b57", new Rating.Matter(SubjectType.WORK_ORDER,
                "0b7e4c2a-5f1d-4e8a-9c3b-2d6f8a1e7b40", "1234520260302000001", Stage.COMPLETION, "341302", "ZRZYJ",
                null, "HOTLINE_12345", "SATISFIED", List.of("c6d84ef0a196940bd532b8d5b6950fdfdec6ca42fca460143182a3f32"
                        + "a8ca5de"), "c6d84ef0a196940bd532b8d5b6950fdfdec6ca42fca460143182a3f32a8ca5de"),
                at(2026, 3, 23, 10, 5), Duration.ofDays(15), Duration.ofDays(3),
                new Rating.TextedCode("7K2M9Q4T8V1XA3C5", at(2026, 3, 26, 10, 5)));
        e.remind(at(2026, 3, 26, 10, 6), new Rating.TextedCode("Q4T8V1XA3C57K2M9", at(2026, 3, 29, 10, 6)));
        collect(e);
    }

    private static Rating invite(String id, Instant now) {
        return Rating.invite(id, new Rating.Matter(SubjectType.CASE, "0b6f4a52-5d1e-4c8e-9a57-3f2f0d6c9b11",
                "3413002026021300000001", Stage.COMPLETION, "341300", "SCJGJ", "XK00105000341300SCJGJ", "MOBILE_APP",
                "APPROVED", List.of("q3Yy0m5tZ0p4cW1OdGhGa2VvUjhJb1dhbGx6c0pGbE0"),
                "q3Yy0m5tZ0p4cW1OdGhGa2VvUjhJb1dhbGx6c0pGbE0"), now, Duration.ofDays(15), Duration.ofDays(3));
    }

    private static Rectification.Source source(Rating rating) {
        return new Rectification.Source(rating.id(), rating.subjectType().name(), rating.subjectId(),
                rating.subjectNo(), rating.level(), rating.reasons(), rating.realName(), rating.attribution());
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(WorkingDayCalendar.ZONE).toInstant();
    }

    /** Renders the aggregate's pending events as the platform does before the save the relay publishes from. */
    private static void collect(AggregateRoot aggregate) {
        RENDERER.onBeforeConvert(new BeforeConvertEvent<>(aggregate, "evaluation"));
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
     * sources), every object in them is closed, and none has a member that could hold a person's mobile or ID
     * number, name, address or words — nor does any sample hold such a number.
     */
    @Test
    void theContractsAreTheRegisteredTypesClosedAndFreeOfPersonalMembers() {
        EventContracts.assertContractsAreTheRegisteredTypesClosedAndFreeOf(eventTypes().toList(), PERSONAL);
    }
}
