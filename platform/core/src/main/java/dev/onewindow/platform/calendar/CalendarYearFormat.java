package dev.onewindow.platform.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A small, human-editable text format for one {@link CalendarYear}, used for the bundled official calendars and by
 * service-catalog to store and edit years (this module has no JSON library, and a line per festival reads better in a
 * review than JSON does).
 *
 * <pre>
 * # 春节 Spring Festival
 * holiday 2026-02-15..2026-02-23
 * workday 2026-02-14
 * workday 2026-02-28
 * </pre>
 *
 * <ul>
 *   <li>{@code holiday DATE} or {@code holiday FROM..TO} (inclusive range): days off;</li>
 *   <li>{@code workday DATE} or {@code workday FROM..TO}: make-up working days (each must be a Saturday or Sunday);</li>
 *   <li>{@code #} starts a comment (whole line or trailing); blank lines are ignored; dates are ISO
 *       {@code yyyy-MM-dd}; keywords are case-insensitive.</li>
 * </ul>
 */
public final class CalendarYearFormat {

    static final String HOLIDAY = "holiday";
    static final String WORKDAY = "workday";
    private static final String RANGE = "..";

    private CalendarYearFormat() {
    }

    /**
     * Parses the text of one year.
     *
     * @throws IllegalArgumentException when the text is malformed (the message names the line) or violates a
     *                                  {@link CalendarYear} rule such as a date outside the year or a make-up day on a
     *                                  weekday (the message names the date)
     */
    public static CalendarYear parse(int year, String text) {
        SortedSet<LocalDate> holidays = new TreeSet<>();
        SortedSet<LocalDate> workdays = new TreeSet<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                parseLine(line, holidays, workdays);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException("line " + (i + 1) + " \"" + line + "\": " + e.getMessage(), e);
            }
        }
        return new CalendarYear(year, holidays, workdays);
    }

    /**
     * Writes {@code year} in this format: one line per run of consecutive days of the same kind, in date order, so
     * that {@code parse(year.year(), format(year))} equals {@code year}. Comments are not preserved.
     */
    public static String format(CalendarYear year) {
        // Key each run by its first day so holidays and make-up days interleave in date order, as a person reads them.
        Map<LocalDate, String> lines = new TreeMap<>();
        addRuns(lines, HOLIDAY, year.holidays());
        addRuns(lines, WORKDAY, year.makeUpWorkingDays());
        StringBuilder out = new StringBuilder("# working-day calendar ").append(year.year()).append('\n');
        lines.values().forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    private static void parseLine(String line, SortedSet<LocalDate> holidays, SortedSet<LocalDate> workdays) {
        String[] parts = line.split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected '<holiday|workday> <date>[..<date>]'");
        }
        SortedSet<LocalDate> target = switch (parts[0].toLowerCase(Locale.ROOT)) {
            case HOLIDAY -> holidays;
            case WORKDAY -> workdays;
            default -> throw new IllegalArgumentException(
                    "unknown keyword '" + parts[0] + "', expected '" + HOLIDAY + "' or '" + WORKDAY + "'");
        };
        String dates = parts[1];
        int range = dates.indexOf(RANGE);
        LocalDate first = LocalDate.parse(range < 0 ? dates : dates.substring(0, range));
        LocalDate last = range < 0 ? first : LocalDate.parse(dates.substring(range + RANGE.length()));
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("range ends before it starts");
        }
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (!target.add(day)) {
                throw new IllegalArgumentException(day + " is listed twice");
            }
        }
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static void addRuns(Map<LocalDate, String> lines, String keyword, SortedSet<LocalDate> days) {
        List<LocalDate> run = new ArrayList<>();
        for (LocalDate day : days) {
            if (!run.isEmpty() && !run.get(run.size() - 1).plusDays(1).equals(day)) {
                addRun(lines, keyword, run);
                run.clear();
            }
            run.add(day);
        }
        if (!run.isEmpty()) {
            addRun(lines, keyword, run);
        }
    }

    private static void addRun(Map<LocalDate, String> lines, String keyword, List<LocalDate> run) {
        LocalDate first = run.get(0);
        LocalDate last = run.get(run.size() - 1);
        lines.put(first, keyword + ' ' + (first.equals(last) ? first.toString() : first + RANGE + last));
    }
}
