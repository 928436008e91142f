package dev.onewindow.supervision.kpi;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.ErrorCategory;
import dev.onewindow.platform.calendar.WorkingDayCalendar;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * KPIs and rankings (排名通报), kept incrementally: each fact the watch learns from an event adds to the counters of
 * its department, its region and the city for the month it happened in, in one bulk write of upserts with
 * {@code $inc}. Queries read counters by period and dimension; they never look at events.
 *
 * <p>A {@link CountChange} is applied at most once per counter: each counter takes it only if its ledger
 * ({@code applied.<change id>}) does not hold it, and records it there in the same upsert; the ledger entries are
 * removed ({@link #forget}) once the change is acknowledged in its matter, when nobody applies it again.
 */
@Service
public class KpiService {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    /** The field of a counter that records the changes it took and that are not yet acknowledged. */
    static final String LEDGER = "applied";

    private final MongoTemplate mongo;

    public KpiService(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The month (Asia/Shanghai) an instant belongs to, as {@code yyyy-MM}. */
    public static String periodOf(Instant at) {
        return MONTH.format(at.atZone(WorkingDayCalendar.ZONE));
    }

    /**
     * Adds the change's increments to the counters of its department, region and the city for its month, in one
     * bulk write; a counter that took this change already refuses it (its upsert then collides with the existing
     * document: a duplicate key, which means "done").
     */
    public void apply(CountChange change) {
        if (change.increments().isEmpty()) {
            return;
        }
        String period = periodOf(change.at());
        String ledgerEntry = LEDGER + "." + change.changeId();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, KpiCounter.class);
        for (var key : keys(change).entrySet()) {
            Update update = new Update().setOnInsert("period", period).setOnInsert("dimension", key.getKey())
                    .setOnInsert("key", key.getValue()).set(ledgerEntry, change.at());
            change.increments().forEach((metric, by) -> update.inc("counts." + metric.field(), by));
            bulk.upsert(Query.query(Criteria.where("_id").is(KpiCounter.idOf(period, key.getKey(), key.getValue()))
                    .and(ledgerEntry).exists(false)), update);
        }
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            boolean onlyTakenAlready = e.getErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyTakenAlready) {
                throw e;
            }
        }
    }

    /** Removes acknowledged changes from their counters' ledgers (one bulk write). */
    public void forget(List<CountChange> changes) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, KpiCounter.class);
        int updates = 0;
        for (CountChange change : changes) {
            String period = periodOf(change.at());
            for (var key : keys(change).entrySet()) {
                bulk.updateOne(Query.query(Criteria.where("_id").is(KpiCounter.idOf(period, key.getKey(),
                        key.getValue()))), new Update().unset(LEDGER + "." + change.changeId()));
                updates++;
            }
        }
        if (updates > 0) {
            bulk.execute();
        }
    }

    private static Map<Dimension, String> keys(CountChange change) {
        Map<Dimension, String> keys = new EnumMap<>(Dimension.class);
        if (change.department() != null) {
            keys.put(Dimension.DEPARTMENT, change.department());
        }
        if (change.region() != null) {
            keys.put(Dimension.REGION, change.region());
        }
        keys.put(Dimension.ALL, "ALL");
        return keys;
    }

    /** Every KPI of one department, region or the city ({@code key} {@code ALL}) in a month. */
    public Map<Kpi, Double> kpis(String period, Dimension dimension, String key) {
        KpiCounter counter = mongo.findById(KpiCounter.idOf(validPeriod(period), dimension, key), KpiCounter.class);
        Map<Kpi, Double> values = new LinkedHashMap<>();
        for (Kpi kpi : Kpi.values()) {
            values.put(kpi, counter == null ? null : kpi.value(counter));
        }
        return values;
    }

    /** One ranked entry: a department (or region), its value, its place (1 = best). */
    public record Ranked(int rank, String key, double value) {
    }

    /** Per KPI, the departments (or regions) of the period that have a value, best first. */
    public Map<Kpi, List<Ranked>> rankings(String period, Dimension dimension) {
        List<KpiCounter> counters = mongo.find(Query.query(Criteria.where("period").is(validPeriod(period))
                .and("dimension").is(dimension)), KpiCounter.class);
        Map<Kpi, List<Ranked>> rankings = new LinkedHashMap<>();
        for (Kpi kpi : Kpi.values()) {
            List<Map.Entry<String, Double>> values = new ArrayList<>();
            for (KpiCounter counter : counters) {
                Double value = kpi.value(counter);
                if (value != null) {
                    values.add(Map.entry(counter.key(), value));
                }
            }
            Comparator<Map.Entry<String, Double>> order = Map.Entry.comparingByValue();
            values.sort((kpi.higherIsBetter() ? order.reversed() : order).thenComparing(Map.Entry.comparingByKey()));
            List<Ranked> ranked = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                ranked.add(new Ranked(i + 1, values.get(i).getKey(), values.get(i).getValue()));
            }
            rankings.put(kpi, ranked);
        }
        return rankings;
    }

    private static String validPeriod(String period) {
        try {
            return YearMonth.parse(period, MONTH).format(MONTH);
        } catch (RuntimeException e) {
            throw dev.onewindow.platform.domain.DomainException.invalid("INVALID_PERIOD",
                    "period must be a month yyyy-MM");
        }
    }
}
