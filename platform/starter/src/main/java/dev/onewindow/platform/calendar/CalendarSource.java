package dev.onewindow.platform.calendar;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * The working-day calendar as service-catalog maintains it, for every other service: starts from the official
 * arrangements bundled with the platform (so deadlines can always be computed), loads the catalog's years at start,
 * and follows {@code calendar.updated} events. Always ask {@link #current()} — never keep a calendar instance.
 */
public class CalendarSource {

    private static final Logger log = LoggerFactory.getLogger(CalendarSource.class);

    private final AtomicReference<WorkingDayCalendar> current = new AtomicReference<>(BundledCalendars.official());
    private final RestClient catalog;

    public CalendarSource(String catalogUrl) {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(java.time.Duration.ofSeconds(1));
        timeouts.setReadTimeout(java.time.Duration.ofSeconds(3));
        this.catalog = RestClient.builder().baseUrl(catalogUrl).requestFactory(timeouts).build();
    }

    public WorkingDayCalendar current() {
        return current.get();
    }

    /** Applies one year's new content (from a {@code calendar.updated} event or the catalog). */
    public void apply(CalendarYear year) {
        current.updateAndGet(calendar -> calendar.withYear(year));
    }

    /** Best effort: the catalog may not be up yet, in which case the bundled data and later events serve. */
    public void loadFromCatalog() {
        int thisYear = Year.now(WorkingDayCalendar.ZONE).getValue();
        TreeSet<Integer> years = new TreeSet<>(BundledCalendars.YEARS);
        years.addAll(List.of(thisYear - 1, thisYear, thisYear + 1));
        for (int year : years) {
            try {
                JsonNode body = catalog.get().uri("/api/v1/catalog/calendar/years/{year}", year).retrieve()
                        .body(JsonNode.class);
                if (body != null) {
                    apply(CalendarYear.of(year, dates(body.path("holidays")), dates(body.path("makeUpWorkingDays"))));
                }
            } catch (RestClientException | IllegalArgumentException e) {
                log.debug("calendar year {} not loaded from the catalog: {}", year, e.getMessage());
            }
        }
    }

    static List<LocalDate> dates(JsonNode array) {
        List<LocalDate> dates = new ArrayList<>();
        array.forEach(node -> dates.add(LocalDate.parse(node.asString())));
        return dates;
    }
}
