package dev.onewindow.platform.sample;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import dev.onewindow.platform.calendar.CalendarSource;
import dev.onewindow.platform.testkit.IntegrationTest;
import dev.onewindow.platform.testkit.KafkaBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A service follows the calendar that service-catalog maintains, starting from the bundled official data. */
@IntegrationTest
class CalendarSyncIT {

    @Autowired
    CalendarSource calendar;

    @Test
    void aCalendarUpdatedEventChangesTheCalendarEveryServiceCountsOn() {
        LocalDate friday = LocalDate.of(2027, 2, 5);
        assertThat(calendar.current().isWorkingDay(friday)).isTrue();

        String envelope = """
                {"id":"3f2b0c1e-0000-4000-8000-000000002027","type":"calendar.updated","source":"service-catalog",
                 "occurredAt":"2026-11-22T08:00:00Z","aggregateType":"calendar","aggregateId":"2027","sequence":1,
                 "schemaVersion":1,"region":"341300",
                 "data":{"year":2027,"holidays":["2027-01-01","2027-02-05"],"makeUpWorkingDays":["2027-02-13"]}}""";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>("service-catalog.calendar.events.v1", "2027", envelope));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> !calendar.current().isWorkingDay(friday));
        assertThat(calendar.current().isWorkingDay(LocalDate.of(2027, 2, 13))).isTrue();
        // the bundled official years are untouched
        assertThat(calendar.current().isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
    }
}
