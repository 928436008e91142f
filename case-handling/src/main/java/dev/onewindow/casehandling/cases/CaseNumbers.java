package dev.onewindow.casehandling.cases;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import dev.onewindow.platform.calendar.WorkingDayCalendar;
import dev.onewindow.platform.numbers.DailyCounters;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * 办件编号: region code + {@code yyyyMMdd} (Asia/Shanghai) + 8-digit daily sequence, e.g. {@code 3413002026021300000001},
 * from one atomic counter per region and day ({@link DailyCounters}): concurrent submissions on any number of
 * instances get distinct numbers without a lock or a transaction; the unique index on {@code caseNo} is the last line
 * of defence.
 */
@Component
public class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd")
            .withZone(WorkingDayCalendar.ZONE);

    private final DailyCounters counters;

    CaseNumbers(MongoTemplate mongo) {
        this.counters = new DailyCounters(mongo, "case_counters");
    }

    public String next(String region, Instant now) {
        String key = region + DAY.format(now);
        return key + String.format("%08d", counters.next(key, 99_999_999L));
    }
}
