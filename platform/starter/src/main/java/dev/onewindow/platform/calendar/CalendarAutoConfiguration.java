package dev.onewindow.platform.calendar;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The working-day calendar every deadline is counted on. By default the official State Council arrangements
 * bundled with the platform; service-catalog, which maintains the calendar, supplies its own bean.
 */
@AutoConfiguration
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
}
