package dev.onewindow.hotline.orders;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import dev.onewindow.platform.calendar.WorkingDayCalendar;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * 工单编号: {@code 12345} + {@code yyyyMMdd} (Asia/Shanghai) + 6-digit daily sequence, e.g. {@code 1234520260213000001}.
 * One counter document per day, incremented with an atomic {@code findAndModify $inc}: concurrent registrations on
 * any number of instances get distinct numbers without a lock; the unique index on {@code orderNo} is the last line
 * of defence.
 */
@Component
public class OrderNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd")
            .withZone(WorkingDayCalendar.ZONE);

    private final MongoTemplate mongo;

    OrderNumbers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public String next(Instant now) {
        String key = "12345" + DAY.format(now);
        Query counter = Query.query(Criteria.where("_id").is(key));
        Update increment = new Update().inc("sequence", 1L);
        FindAndModifyOptions upsertAndReturnNew = FindAndModifyOptions.options().upsert(true).returnNew(true);
        for (int attempt = 1; ; attempt++) {
            try {
                DailyCounter next = mongo.findAndModify(counter, increment, upsertAndReturnNew, DailyCounter.class);
                if (next.sequence() > 999_999L) {
                    throw new IllegalStateException("the daily order sequence of " + key + " is exhausted");
                }
                return key + String.format("%06d", next.sequence());
            } catch (DuplicateKeyException firstOfTheDayRace) {
                // two upserts created the day's counter at once; the loser retries and increments the winner's
                if (attempt >= 5) {
                    throw firstOfTheDayRace;
                }
            }
        }
    }

    @Document("order_counters")
    record DailyCounter(@Id String id, long sequence) {
    }
}
