package dev.onewindow.platform.calendar;

import dev.onewindow.platform.events.EventHandlers;
import dev.onewindow.platform.events.EventReader;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Keeps the {@link CalendarSource} in step with service-catalog. Each instance reads the (small) calendar topic from
 * the beginning in a group of its own, so every instance sees every update and replays them in order at start.
 */
public class CalendarSyncListener {

    static final String TOPIC = "service-catalog.calendar.events.v1";

    private final EventHandlers handlers;

    public CalendarSyncListener(CalendarSource calendar, EventReader events) {
        this.handlers = EventHandlers.using(events).on("calendar.updated", JsonYear.class,
                (event, year) -> calendar.apply(CalendarYear.of(year.year(), year.holidays(),
                        year.makeUpWorkingDays())));
    }

    @KafkaListener(topics = TOPIC, groupId = "${spring.application.name}.calendar-sync.${random.uuid}",
            properties = "auto.offset.reset=earliest")
    void on(String record) {
        handlers.handle(record);
    }

    /** The fields of {@code calendar.updated} this consumer reads. */
    record JsonYear(int year, java.util.List<java.time.LocalDate> holidays,
            java.util.List<java.time.LocalDate> makeUpWorkingDays) {
    }
}
