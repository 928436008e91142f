package dev.onewindow.platform.calendar;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import dev.onewindow.platform.events.EventReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The working-day calendar every deadline is counted on: {@link CalendarSource} follows service-catalog (loaded at
 * start, then kept current by {@code calendar.updated} events) with the bundled official arrangements as fallback.
 * The plain {@link WorkingDayCalendar} bean is the bundled snapshot, for code that needs no updates.
 */
@AutoConfiguration(after = dev.onewindow.platform.events.EventsAutoConfiguration.class)
@EnableConfigurationProperties(ClockProperties.class)
public class CalendarAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WorkingDayCalendar workingDayCalendar() {
        return BundledCalendars.official();
    }

    @Bean
    @ConditionalOnMissingBean
    ClockThresholds clockThresholds(ClockProperties properties) {
        return properties.thresholds();
    }

    /** The calendar as the catalog maintains it; service-catalog itself turns this off (it is the source). */
    @Bean
    @ConditionalOnProperty(name = "onewindow.calendar.sync.enabled", matchIfMissing = true)
    CalendarSource calendarSource(@Value("${onewindow.calendar.catalog-url:http://localhost:8081}") String catalogUrl) {
        return new CalendarSource(catalogUrl);
    }

    @Bean
    @ConditionalOnBean(CalendarSource.class)
    CalendarSyncListener calendarSyncListener(CalendarSource calendar, EventReader events) {
        return new CalendarSyncListener(calendar, events);
    }

    @Bean
    @ConditionalOnBean(CalendarSource.class)
    ApplicationListener<ApplicationReadyEvent> calendarInitialLoad(CalendarSource calendar) {
        return ready -> calendar.loadFromCatalog();
    }
}
