package dev.onewindow.hotline.hotspot;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import dev.onewindow.platform.calendar.WorkingDayCalendar;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How many orders of one category were registered in one region in one hour (Asia/Shanghai). Incremented once per
 * order by an atomic update that also records the order's event sequence, so a redelivered event counts nothing
 * ({@code SequenceGuard}); never computed by scanning orders.
 */
@Document("hotspot_counts")
@CompoundIndex(name = "series", def = "{'categoryCode': 1, 'region': 1, 'hourStart': 1}")
public record HourlyCount(@Id String id, String categoryCode, String region, Instant hourStart, long count) {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH")
            .withZone(WorkingDayCalendar.ZONE);

    /** The counter's id: category, region and the hour's start. */
    public static String id(String categoryCode, String region, Instant hourStart) {
        return categoryCode + "|" + region + "|" + HOUR.format(hourStart);
    }

    /** The start of the (Asia/Shanghai) hour {@code at} falls in. */
    public static Instant hourOf(Instant at) {
        return ZonedDateTime.ofInstant(at, WorkingDayCalendar.ZONE).truncatedTo(ChronoUnit.HOURS).toInstant();
    }
}
