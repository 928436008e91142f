package dev.onewindow.platform.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventReaderTest {

    // the services' mapper rejects unknown fields in requests; events must still be read leniently
    private final EventReader reader = new EventReader(JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());

    record CaseRef(String caseNo) {
    }

    @Test
    void readsTheEnvelopeAndIgnoresDataFieldsTheConsumerDoesNotKnow() {
        IncomingEvent event = reader.read("""
                {"id":"e1","type":"case.approved","source":"case-handling","occurredAt":"2026-02-13T08:00:00Z",
                 "aggregateType":"case","aggregateId":"c1","sequence":7,"schemaVersion":1,"region":"341300",
                 "correlationId":"r1","causationId":null,"futureField":true,
                 "data":{"caseNo":"3413002026021300000001","addedLater":42}}""");
        assertThat(event.sequence()).isEqualTo(7);
        assertThat(event.aggregateId()).isEqualTo("c1");
        assertThat(event.causationId()).isNull();
        assertThat(reader.data(event, CaseRef.class).caseNo()).isEqualTo("3413002026021300000001");
    }

    @Test
    void aRecordWithoutTheEnvelopeFieldsIsMalformed() {
        assertThatThrownBy(() -> reader.read("{not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> reader.read("{\"id\":\"e1\",\"type\":\"x\"}"))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void sourceKeysAreSafeMongoFieldNames() {
        IncomingEvent event = reader.read("""
                {"id":"e1","type":"t","occurredAt":"2026-02-13T08:00:00Z","aggregateType":"case",
                 "aggregateId":"a.b$c","sequence":1,"data":{}}""");
        assertThat(SequenceGuard.sourceKey(event)).isEqualTo("case_a_b_c");
    }

    @Test
    void topicNamesFollowTheHouseConvention() {
        assertThat(OutboxRelay.topic("case-handling", "case", 1)).isEqualTo("case-handling.case.events.v1");
    }
}
