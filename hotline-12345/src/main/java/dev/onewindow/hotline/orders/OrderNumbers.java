package dev.onewindow.hotline.orders;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.numbers.DailyCounters;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * 工单编号: {@code 12345} + {@code yyyyMMdd} (Asia/Shanghai) + 6-digit daily sequence, e.g. {@code 1234520260213000001},
 * from one atomic counter per day ({@link DailyCounters}); the unique index on {@code orderNo} is the last line of
 * defence.
 */
@Component
public class OrderNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd")
            .withZone(WorkingDayCalendar.ZONE);

    private final DailyCounters counters;

    OrderNumbers(MongoTemplate mongo) {
        this.counters = new DailyCounters(mongo, "order_counters");
    }

    public String next(Instant now) {
        String day = "12345" + DAY.format(now);
        return day + String.format("%06d", counters.next(day, 999_999L));
    }
}
