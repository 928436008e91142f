package dev.onewindow.platform.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The official working-day arrangements (国务院办公厅 部分节假日安排) shipped with the code, as classpath resources
 * {@code onewindow/calendar/<year>.txt} in {@link CalendarYearFormat}.
 *
 * <p>They seed service-catalog's calendar and give every service a correct calendar before its first sync; the
 * data maintained in service-catalog wins once loaded. Add a year by adding its file and its number to
 * {@link #YEARS}.
 */
public final class BundledCalendars {

    /** The years bundled with this release. */
    public static final List<Integer> YEARS = List.of(2025, 2026);

    private static final String RESOURCE_DIRECTORY = "/onewindow/calendar/";

    private BundledCalendars() {
    }

    /**
     * The calendar with all bundled years; years outside {@link #YEARS} fall back to Monday–Friday.
     *
     * @throws IllegalStateException if a bundled resource is missing or malformed (a packaging defect)
     */
    public static WorkingDayCalendar official() {
        return Holder.OFFICIAL;
    }

    /** Parses the bundled resource for {@code year}. */
    public static CalendarYear load(int year) {
        String resource = RESOURCE_DIRECTORY + year + ".txt";
        try (InputStream in = BundledCalendars.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no bundled calendar for " + year + " (" + resource + ")");
            }
            return CalendarYearFormat.parse(year, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("bundled calendar " + resource + " is invalid: " + e.getMessage(), e);
        }
    }

    /** Lazily parsed once per class loader, on first use. */
    private static final class Holder {
        static final WorkingDayCalendar OFFICIAL = loadAll();

        private static WorkingDayCalendar loadAll() {
            List<CalendarYear> years = new ArrayList<>();
            YEARS.forEach(year -> years.add(load(year)));
            return WorkingDayCalendar.of(years);
        }
    }
}
