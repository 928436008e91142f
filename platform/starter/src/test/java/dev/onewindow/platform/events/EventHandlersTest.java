package dev.onewindow.platform.events;

import java.util.ArrayList;
import java.util.List;

import dev.onewindow.platform.domain.DomainException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventHandlersTest {

    private final EventReader reader = new EventReader(JsonMapper.builder().build());
    private final List<String> applied = new ArrayList<>();

    record Approved(String caseNo) {
    }

    private static String envelope(String type, String data) {
        return """
                {"id":"e7","type":"%s","source":"case-handling","occurredAt":"2026-02-13T08:00:00Z",
                 "aggregateType":"case","aggregateId":"c1","sequence":7,"schemaVersion":1,"region":"341300",
                 "correlationId":"r1","data":%s}""".formatted(type, data);
    }

    @Test
    void appliesTheRuleOfTheEventsTypeToItsDataWithTheEventAsCause() {
        EventHandlers handlers = EventHandlers.using(reader).on("case.approved", Approved.class, (event, approved) ->
                applied.add(approved.caseNo() + " caused by " + EventContext.causationId()));

        handlers.handle(envelope("case.approved", "{\"caseNo\":\"N1\",\"later\":1}"));

        assertThat(applied).containsExactly("N1 caused by e7");
        assertThat(EventContext.causationId()).isNull();
    }

    @Test
    void eventsOfOtherTypesAreNotForThisConsumer() {
        EventHandlers handlers = EventHandlers.using(reader).on("case.approved", Approved.class,
                (event, approved) -> applied.add(approved.caseNo()));

        handlers.handle(envelope("case.denied", "{\"caseNo\":\"N1\"}"));

        assertThat(applied).isEmpty();
        assertThat(handlers.handles("case.denied")).isFalse();
    }

    @Test
    void aRecordThatHasMovedOnIsSkippedNotRetried() {
        EventHandlers handlers = EventHandlers.using(reader).on("case.approved", Approved.class, (event, approved) -> {
            throw DomainException.illegalState("COMPLETED", "complete");
        });

        assertThatCode(() -> handlers.handle(envelope("case.approved", "{}"))).doesNotThrowAnyException();
    }

    @Test
    void dataTheRuleRefusesIsDeadLetteredAtOnce() {
        EventHandlers handlers = EventHandlers.using(reader).on("case.approved", Approved.class, (event, approved) -> {
            throw DomainException.invalid("UNKNOWN_LICENSE_TYPE", "no such type").with("typeCode", "X");
        });

        assertThatThrownBy(() -> handlers.handle(envelope("case.approved", "{}")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("UNKNOWN_LICENSE_TYPE").hasMessageNotContaining("no such type");
    }

    @Test
    void somethingUnavailableIsThrownOnForTheContainerToRetry() {
        EventHandlers handlers = EventHandlers.using(reader).on("case.approved", Approved.class, (event, approved) -> {
            throw DomainException.unavailable("NO_SEAL_KEY", "no key yet");
        });

        assertThatThrownBy(() -> handlers.handle(envelope("case.approved", "{}")))
                .isInstanceOf(dev.onewindow.platform.domain.UnavailableException.class);
    }

    @Test
    void oneHandlerPerType() {
        EventHandlers handlers = EventHandlers.using(reader).on("case.approved", Approved.class, (e, a) -> { });

        assertThatThrownBy(() -> handlers.on("case.approved", Approved.class, (e, a) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
