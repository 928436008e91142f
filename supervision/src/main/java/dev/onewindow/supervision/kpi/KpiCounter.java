package dev.onewindow.supervision.kpi;

import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The counters of one department, region or the city in one month: {@code _id} = period|dimension|key, the counts
 * updated only by {@code $inc}. A ranking reads the period's documents of one dimension (one per department), so its
 * cost grows with the number of departments, not with the number of events.
 */
@Document("kpi_counters")
@CompoundIndex(name = "period_dimension", def = "{'period': 1, 'dimension': 1}")
public record KpiCounter(@Id String id, String period, Dimension dimension, String key, Map<String, Double> counts)
        implements Kpi.Counts {

    public static String idOf(String period, Dimension dimension, String key) {
        return period + "|" + dimension + "|" + key;
    }

    @Override
    public double get(Metric metric) {
        Double value = counts == null ? null : counts.get(metric.field());
        return value == null ? 0 : value;
    }
}
