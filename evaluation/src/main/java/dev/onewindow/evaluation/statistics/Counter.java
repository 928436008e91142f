package dev.onewindow.evaluation.statistics;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One counter document per dimension, key and period (a day or a month), changed only by atomic {@code $inc} as
 * ratings, rectifications and appeals change, and read by id: the statistics never scan ratings.
 *
 * @param counted         ratings counted (an upheld appeal takes its rating out)
 * @param satisfied       counted ratings of level 3–5
 * @param bad             counted ratings of level 1–2
 * @param levels          counted ratings per level, {@code l1} … {@code l5}
 * @param rectifications  rectifications opened for counted bad ratings
 * @param rectified       rectifications the rater confirmed
 * @param rectifiedOnTime of those, finished within their limit
 * @param escalated       rectifications sent to supervision
 * @param callbacksDue    real-name bad ratings (each must be called back)
 * @param callbacksMade   of those, called back
 * @param excluded        ratings taken out by an upheld appeal
 * @param confirmedByDefault of the rectified, those the rater did not answer in time (默认满意)
 *
 * <p>Counts are boxed: a field is absent from the document until its first increment.
 */
@Document("statistics")
@CompoundIndex(name = "dimension_period", def = "{'dimension': 1, 'period': 1}")
public record Counter(@Id String id, Dimension dimension, String key, String period, Long counted, Long satisfied,
        Long bad, Levels levels, Long rectifications, Long rectified, Long rectifiedOnTime, Long escalated,
        Long callbacksDue, Long callbacksMade, Long excluded, Long confirmedByDefault) {

    public record Levels(Long l1, Long l2, Long l3, Long l4, Long l5) {
    }

    public static String id(Dimension dimension, String key, String period) {
        return dimension + "|" + key + "|" + period;
    }
}
