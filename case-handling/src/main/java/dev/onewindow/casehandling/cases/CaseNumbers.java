package dev.onewindow.casehandling.cases;

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
 * 办件编号: region code + {@code yyyyMMdd} (Asia/Shanghai) + 8-digit daily sequence, e.g. {@code 3413002026021300000001}.
 * One counter document per region and day, incremented with an atomic {@code findAndModify $inc} — concurrent
 * submissions on any number of instances get distinct numbers without a lock or a transaction; the unique index on
 * {@code caseNo} is the last line of defence.
 */
@Component
public class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd")
            .withZone(WorkingDayCalendar.ZONE);

    private final MongoTemplate mongo;

    CaseNumbers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public String next(String region, Instant now) {
        String key = region + DAY.format(now);
        Query counter = Query.query(Criteria.where("_id").is(key));
        Update increment = new Update().inc("sequence", 1L);
        FindAndModifyOptions upsertAndReturnNew = FindAndModifyOptions.options().upsert(true).returnNew(true);
        for (int attempt = 1; ; attempt++) {
            try {
                DailyCounter next = mongo.findAndModify(counter, increment, upsertAndReturnNew, DailyCounter.class);
                if (next.sequence() > 99_999_999L) {
                    throw new IllegalStateException("the daily case sequence of " + key + " is exhausted");
                }
                return key + String.format("%08d", next.sequence());
            } catch (DuplicateKeyException firstOfTheDayRace) {
                // two upserts created the day's counter at once; the loser retries and increments the winner's
                if (attempt >= 5) {
                    throw firstOfTheDayRace;
                }
            }
        }
    }

    @Document("case_counters")
    record DailyCounter(@Id String id, long sequence) {
    }
}
