package dev.onewindow.evaluation.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.onewindow.platform.calendar.WorkingDayCalendar;

/**
 * What a rating counts for: its department, implementation entry (cases only), window officer (when known), the
 * channel the service was delivered through, and the day it was given. A rectification and an appeal count for the
 * rating they follow, so every rate of one period divides counts of the same ratings.
 */
public record Attribution(String region, String department, String implementationCode, String officer,
        String channel, Instant ratedAt) {

    /** The counter documents this rating adds to: every dimension it has, for its day and its month. */
    public List<String> counterIds() {
        LocalDate day = LocalDate.ofInstant(ratedAt, WorkingDayCalendar.ZONE);
        List<String> periods = List.of(day.toString(), day.toString().substring(0, 7));
        List<String> ids = new ArrayList<>();
        for (String period : periods) {
            ids.add(Counter.id(Dimension.ALL, "ALL", period));
            ids.add(Counter.id(Dimension.DEPARTMENT, department, period));
            ids.add(Counter.id(Dimension.CHANNEL, channel, period));
            if (implementationCode != null) {
                ids.add(Counter.id(Dimension.ENTRY, implementationCode, period));
            }
            if (officer != null) {
                ids.add(Counter.id(Dimension.OFFICER, officer, period));
            }
        }
        return ids;
    }
}
