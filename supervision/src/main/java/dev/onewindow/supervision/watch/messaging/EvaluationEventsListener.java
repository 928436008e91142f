package dev.onewindow.supervision.watch.messaging;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import dev.onewindow.platform.calendar.WorkClock;
import dev.onewindow.platform.events.EventHandlers;
import dev.onewindow.platform.events.EventReader;
import dev.onewindow.supervision.Source;
import dev.onewindow.supervision.config.SupervisionProperties;
import dev.onewindow.supervision.kpi.Metric;
import dev.onewindow.supervision.watch.AlertKind;
import dev.onewindow.supervision.watch.Phases;
import dev.onewindow.supervision.watch.WatchService;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * evaluation's ratings, rectifications and appeals: a bad rating is flagged and counted; each rectification round
 * gets supervision's own clock (the configured limit from its opening, not evaluation's {@code dueAt}), stopped when
 * it completes; an escalated rectification (unsatisfied twice) is flagged RED; a department's appeal pauses the
 * rectification's clock until it is decided ({@link RectificationAppeals}).
 */
@Component
class EvaluationEventsListener {

    static final String RATINGS = "evaluation.rating.events.v1";
    static final String RECTIFICATIONS = "evaluation.rectification.events.v1";
    static final String APPEALS = "evaluation.appeal.events.v1";

    private final EventHandlers handlers;

    EvaluationEventsListener(EventReader events, WatchService watch, SupervisionProperties properties) {
        this.handlers = EventHandlers.using(events)
                .on("rating.submitted", RatingFacts.class, (e, r) -> watch.apply(new WatchService.Subject(
                        Source.RATING, r.ratingId(), r.subjectNo(), r.region(), r.department()), e.sequence(), e.occurredAt(),
                        step -> {
                            Map<Metric, Double> counts = new EnumMap<>(Metric.class);
                            counts.put(Metric.RATINGS, 1.0);
                            if (r.level() >= 4) {
                                counts.put(Metric.RATINGS_SATISFIED, 1.0);
                            }
                            if (r.bad()) {
                                counts.put(Metric.BAD_RATINGS, 1.0);
                                step.flag(AlertKind.BAD_RATING, r.department());
                            }
                            step.count(at(r.ratedAt(), e.occurredAt()), r.department(), counts);
                        }))
                .on("rectification.opened", RectificationFacts.class, (e, r) -> watch.apply(subject(r),
                        e.sequence(), e.occurredAt(), step -> {
                            step.start(Phases.RECTIFICATION, r.department(),
                                    WorkClock.start(at(r.openedAt(), e.occurredAt()), properties.rectification()));
                            RectificationAppeals.reapply(step);
                        }))
                .on("rectification.completed", RectificationFacts.class, (e, r) -> watch.apply(subject(r),
                        e.sequence(), e.occurredAt(), step -> {
                            var stopped = step.stop(Phases.RECTIFICATION, at(r.completedAt(), e.occurredAt()));
                            Instant at = at(r.completedAt(), e.occurredAt());
                            step.count(at, r.department(), Metric.RECTIFICATIONS_COMPLETED, 1);
                            if (stopped.map(WatchService.Stopped::onTime).orElse(Boolean.TRUE.equals(r.onTime()))) {
                                step.count(at, r.department(), Metric.RECTIFIED_ON_TIME, 1);
                            }
                        }))
                .on("rectification.escalated", RectificationFacts.class, (e, r) -> watch.apply(subject(r),
                        e.sequence(), e.occurredAt(), step -> {
                            step.stopAll(at(r.escalatedAt(), e.occurredAt()));
                            step.flag(AlertKind.BAD_RATING_ESCALATED, r.department());
                        }))
                // the appeal's sequence is not the rectification's: applied unguarded, each once by its own fact
                .on("appeal.filed", AppealFacts.class, (e, a) -> watch.apply(subject(a), 0, e.occurredAt(),
                        step -> RectificationAppeals.filed(step, a.appealId(), at(a.filedAt(), e.occurredAt()))))
                .on("appeal.decided", AppealFacts.class, (e, a) -> {
                    if (a.rectificationId() != null && a.upheld() != null) { // named since v1's addition
                        watch.apply(subject(a), 0, e.occurredAt(), step -> RectificationAppeals.decided(step,
                                a.appealId(), a.upheld(), at(a.decidedAt(), e.occurredAt())));
                    }
                });
    }

    private static WatchService.Subject subject(AppealFacts a) {
        return new WatchService.Subject(Source.RECTIFICATION, a.rectificationId(), null, a.region(), a.department());
    }

    private static WatchService.Subject subject(RectificationFacts r) {
        return new WatchService.Subject(Source.RECTIFICATION, r.rectificationId(), r.subjectNo(), r.region(),
                r.department());
    }

    private static Instant at(Instant stated, Instant occurred) {
        return stated != null ? stated : occurred;
    }

    @KafkaListener(topics = {RATINGS, RECTIFICATIONS, APPEALS}, groupId = "supervision.watch-evaluation")
    void on(String record) {
        handlers.handle(record);
    }

    /** The fields of {@code rating.submitted} the watch reads. */
    record RatingFacts(String ratingId, String subjectNo, String region, String department, int level, boolean bad,
            Instant ratedAt) {
    }

    /** The fields of the rectification events the watch reads. */
    record RectificationFacts(String rectificationId, String subjectNo, String region, String department,
            Integer round, Instant openedAt, Instant completedAt, Instant escalatedAt, Boolean onTime) {
    }

    /** The fields of {@code appeal.filed} and {@code appeal.decided} the watch reads. */
    record AppealFacts(String appealId, String rectificationId, String region, String department, Boolean upheld,
            Instant filedAt, Instant decidedAt) {
    }
}
