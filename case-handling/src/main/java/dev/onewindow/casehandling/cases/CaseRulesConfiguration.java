package dev.onewindow.casehandling.cases;

import java.util.function.Supplier;

import dev.onewindow.casehandling.config.CaseHandlingProperties;
import dev.onewindow.platform.calendar.CalendarSource;
import dev.onewindow.platform.calendar.ClockThresholds;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The time rules cases are handled under: this service's configuration and the working-day calendar as
 * service-catalog currently maintains it (the platform's {@link CalendarSource}; the bundled calendar when calendar
 * sync is switched off).
 */
@Configuration(proxyBeanMethods = false)
class CaseRulesConfiguration {

    @Bean
    CaseRulesSource caseRules(ObjectProvider<CalendarSource> calendarSource, WorkingDayCalendar bundled,
            ClockThresholds thresholds, CaseHandlingProperties properties) {
        CalendarSource source = calendarSource.getIfAvailable();
        Supplier<WorkingDayCalendar> calendar = source == null ? () -> bundled : source::current;
        return new CaseRulesSource(calendar, thresholds, properties.acceptanceWorkingDays(),
                properties.maxExtensionWorkingDays(), properties.maxExtensions(), properties.deemedAcceptance(),
                properties.maxSupplementRequestsPerPhase(), properties.separateReviewAndDecision());
    }
}
